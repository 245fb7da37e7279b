using System.Reflection;
using System.Reflection.Emit;

namespace Microsite.Tests.Architecture;

/// <summary>
/// Which folders of src/ use which, read from the compiled program: every type a type names in its
/// signatures and every member its method bodies call, load or create. A folder is the namespace under
/// Microsite (Microsite.Markdown.Glossary belongs to Markdown); compiler-made types (lambdas, iterators)
/// count for the type they were made from.
/// </summary>
internal static class FolderDependencies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Edges between folders, each with one example of a use that makes it ("Checks.ContentChecks.Run uses Indexing.SiteIndex").</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Of(Assembly assembly)
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            var from = FolderOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var (used, where) in Uses(type))
            {
                foreach (var target in Flatten(used))
                {
                    if (FolderOf(target) is { } to && to != from)
                    {
                        edges.TryAdd((from, to), $"{Outermost(type).FullName}{where} uses {target.FullName}");
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>The folder of a Microsite type, or null for another assembly's, the compiler's or Program in the root.</summary>
    public static string? FolderOf(Type type)
    {
        var ns = Outermost(type).Namespace;
        if (ns is null || !ns.StartsWith("Microsite.", StringComparison.Ordinal) || type.Assembly.GetName().Name != "microsite")
        {
            return null;
        }

        return ns["Microsite.".Length..].Split('.')[0];
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    /// <summary>A type and the types it is made of: List&lt;SourcePage&gt; is a use of SourcePage too.</summary>
    private static IEnumerable<Type> Flatten(Type? type)
    {
        if (type is null)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<(Type Used, string Where)> Uses(Type type)
    {
        yield return (type.BaseType!, "");
        foreach (var i in type.GetInterfaces())
        {
            yield return (i, "");
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return (field.FieldType, "." + field.Name);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return (property.PropertyType, "." + property.Name);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            var where = "." + method.Name;
            if (method is MethodInfo info)
            {
                yield return (info.ReturnType, where);
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return (parameter.ParameterType, where);
            }

            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                yield return (local.LocalType, where);
            }

            foreach (var used in InBody(method))
            {
                yield return (used, where);
            }
        }
    }

    /// <summary>The types whose members or tokens a method's IL refers to.</summary>
    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            var opCode = OpCodesByValue[value];
            var operandSize = opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    // A token of another kind (a signature): nothing of ours.
                }

                switch (member)
                {
                    case Type t:
                        yield return t;
                        break;
                    case MethodInfo { IsGenericMethod: true } m:
                        yield return m.DeclaringType!;
                        foreach (var argument in m.GetGenericArguments())
                        {
                            yield return argument;
                        }

                        break;
                    case not null:
                        yield return member.DeclaringType!;
                        break;
                }
            }

            at += operandSize;
        }
    }
}
