using System.Diagnostics;
using System.Globalization;
using Microsite.History;

namespace Microsite.Tests.History;

/// <summary>Each test makes a repository of its own in a temporary folder, with commit dates set explicitly.</summary>
public sealed class GitHistoryTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("microsite-git-").FullName;

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private void Git(string date, params string[] args) => GitIn(_repo, date, args);

    private static void GitIn(string folder, string? date, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing of the machine's git configuration (signing, hooks, default branch) may change the repository.
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Editor";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "editor@example.org";
        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = date;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {stderr.Result}");
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private void Commit(string date, string message)
    {
        Git(date, "add", "-A");
        Git(date, "commit", "-q", "--no-verify", "-m", message);
    }

    private void Init() => Git("2023-01-01T00:00:00+08:00", "init", "-q", "-b", "main");

    [Fact]
    public void Dates_each_file_by_the_last_commit_that_changed_it()
    {
        Init();
        Write("input/zh/a.md", "一");
        Write("input/zh/b.md", "二");
        Write("README.md", "readme");
        Commit("2023-01-02T09:00:00+08:00", "first");
        Write("input/zh/a.md", "一，改");
        Commit("2023-03-04T01:30:00+08:00", "second");
        Write("input/zh/b.md", "二，未提交"); // edited, not committed
        Write("input/zh/new.md", "新"); // never committed

        var history = GitHistory.Read(Path.Combine(_repo, "input"));

        Assert.Null(history.Reason);
        Assert.Equal("input/", history.Prefix);
        Assert.Equal(At("2023-03-04T01:30:00+08:00"), history.LastChanged("zh/a.md"));
        Assert.Equal(At("2023-01-02T09:00:00+08:00"), history.LastChanged("zh/b.md"));
        Assert.Null(history.LastChanged("zh/new.md"));
        Assert.Equal(At("2023-01-02T09:00:00+08:00"), history.Dates["README.md"]);
        Assert.Equal(At("2023-03-04T01:30:00+08:00"), history.LastCommit);

        // The author's own day: 01:30 in Suzhou is still the 3rd in UTC, and the page shows the 4th.
        Assert.Equal(new DateOnly(2023, 3, 4), DateOnly.FromDateTime(history.LastChanged("zh/a.md")!.Value.DateTime));
    }

    [Fact]
    public void A_pure_rename_keeps_the_date_of_the_last_change_and_an_edited_rename_takes_its_own()
    {
        Init();
        Write("input/zh/old.md", string.Join('\n', Enumerable.Range(1, 40).Select(i => $"第{i}段。")));
        Write("input/zh/edited.md", string.Join('\n', Enumerable.Range(1, 40).Select(i => $"第{i}行。")));
        Commit("2023-01-02T10:00:00+08:00", "first");
        Git("2023-02-01T10:00:00+08:00", "mv", "input/zh/old.md", "input/zh/new name 新.md");
        Git("2023-02-01T10:00:00+08:00", "mv", "input/zh/edited.md", "input/zh/renamed.md");
        File.AppendAllText(Path.Combine(_repo, "input/zh/renamed.md"), "\n新加一行。");
        Commit("2023-02-01T10:00:00+08:00", "rename");

        var history = GitHistory.Read(Path.Combine(_repo, "input"));

        Assert.Equal(At("2023-01-02T10:00:00+08:00"), history.LastChanged("zh/new name 新.md"));
        Assert.Equal(At("2023-02-01T10:00:00+08:00"), history.LastChanged("zh/renamed.md"));
        Assert.Null(history.LastChanged("zh/old.md"));
        Assert.Null(history.LastChanged("zh/edited.md"));
    }

    [Fact]
    public void A_merge_dates_files_by_the_commits_that_changed_them_not_by_the_merge()
    {
        Init();
        Write("input/zh/a.md", "一");
        Write("input/zh/b.md", "二");
        Commit("2023-01-02T10:00:00+08:00", "first");
        Git("2023-01-02T10:00:00+08:00", "checkout", "-q", "-b", "translation");
        Write("input/zh/b.md", "二，分支上改");
        Commit("2023-01-05T10:00:00+08:00", "on a branch");
        Git("2023-01-05T10:00:00+08:00", "checkout", "-q", "main");
        Write("input/zh/a.md", "一，主线上改");
        Commit("2023-01-07T10:00:00+08:00", "on main");
        Git("2023-01-09T10:00:00+08:00", "merge", "-q", "--no-ff", "--no-edit", "translation");

        var history = GitHistory.Read(Path.Combine(_repo, "input"));

        Assert.Equal(At("2023-01-07T10:00:00+08:00"), history.LastChanged("zh/a.md"));
        Assert.Equal(At("2023-01-05T10:00:00+08:00"), history.LastChanged("zh/b.md"));
        Assert.Equal(At("2023-01-09T10:00:00+08:00"), history.LastCommit);
    }

    [Fact]
    public void A_deleted_file_has_no_date_and_one_added_again_has_the_new_date()
    {
        Init();
        Write("input/zh/gone.md", "一");
        Write("input/zh/back.md", "二");
        Commit("2023-01-02T10:00:00+08:00", "first");
        File.Delete(Path.Combine(_repo, "input/zh/gone.md"));
        File.Delete(Path.Combine(_repo, "input/zh/back.md"));
        Commit("2023-01-03T10:00:00+08:00", "delete");
        Write("input/zh/back.md", "二，又回来了");
        Commit("2023-01-04T10:00:00+08:00", "back");

        var history = GitHistory.Read(Path.Combine(_repo, "input"));

        Assert.False(history.Dates.ContainsKey("input/zh/gone.md"));
        Assert.Equal(At("2023-01-04T10:00:00+08:00"), history.LastChanged("zh/back.md"));
    }

    [Fact]
    public void Reads_from_the_repository_root_too()
    {
        Init();
        Write("site.yml", "x");
        Commit("2023-01-02T10:00:00+08:00", "first");

        var history = GitHistory.Read(_repo);

        Assert.Equal("", history.Prefix);
        Assert.Equal(At("2023-01-02T10:00:00+08:00"), history.LastChanged("site.yml"));
    }

    [Fact]
    public void Outside_a_repository_there_are_no_dates_and_no_error()
    {
        Write("input/zh/a.md", "一");

        var history = GitHistory.Read(Path.Combine(_repo, "input"));

        Assert.Empty(history.Dates);
        Assert.Null(history.LastCommit);
        Assert.Null(history.LastChanged("zh/a.md"));
        Assert.Equal("not inside a git repository", history.Reason);
    }

    [Fact]
    public void A_repository_without_commits_has_no_dates()
    {
        Init();
        Write("input/zh/a.md", "一");

        var history = GitHistory.Read(Path.Combine(_repo, "input"));

        Assert.Empty(history.Dates);
        Assert.NotNull(history.Reason);
    }

    [Fact]
    public void Without_git_there_are_no_dates_and_no_error()
    {
        var history = GitHistory.Read(_repo, git: "/nonexistent/git");

        Assert.Empty(history.Dates);
        Assert.Equal("git is not installed", history.Reason);
    }

    [Fact]
    public void The_real_repository_dates_its_input_in_one_query()
    {
        var history = GitHistory.Read(Path.Combine(TestSite.RepoRoot, "input"));

        // A CI clone may be shallow, but every committed file of input/ has a date.
        Assert.Null(history.Reason);
        Assert.NotNull(history.LastChanged("site.yml"));
        Assert.NotNull(history.LastChanged("zh/review-2022.md"));
    }
}
