namespace Microsite.Serve;

/// <summary>
/// What the preview server adds to the pages it sends: a script that reloads them after a good rebuild
/// (keeping the reader's place) and shows a failed build's errors over them. Same-origin files, so the
/// site's own Content-Security-Policy (script-src 'self', style-src 'self') allows them as they are.
/// </summary>
internal static class ClientFiles
{
    public const string ReloadScript = """
        // Sent by `microsite serve` only; never part of a built site.
        (() => {
          const url = new URL(document.currentScript.src);
          const base = url.pathname.replace(/__microsite\/reload\.js$/, "");
          const version = url.searchParams.get("v");
          const key = "microsite-scroll:" + location.pathname;

          const saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            window.scrollTo(0, Number(saved)); // images carry their size: nothing moves after this
          }

          let overlay = null;
          const reload = () => {
            sessionStorage.setItem(key, String(window.scrollY));
            location.reload();
          };
          const events = new EventSource(base + "__microsite/events");
          events.addEventListener("version", (e) => (e.data === version ? hide() : reload()));
          events.addEventListener("reload", (e) => { if (e.data !== version) reload(); });
          events.addEventListener("errors", (e) => show(JSON.parse(e.data)));

          function show(lines) {
            hide();
            overlay = document.createElement("section");
            overlay.className = "microsite-overlay";
            overlay.setAttribute("role", "alert");
            overlay.setAttribute("lang", "zh-Hans");
            const title = document.createElement("p");
            title.className = "microsite-overlay-title";
            title.textContent = "构建出错：页面仍是上次成功的版本。改正后保存，此提示自动消失。";
            const english = document.createElement("p");
            english.lang = "en";
            english.textContent = "The last change has errors: this page is the last good build. Fix them and save; this clears itself.";
            const list = document.createElement("ol");
            for (const line of lines.filter((l) => l.severity === "error").concat(lines.filter((l) => l.severity !== "error"))) {
              const item = document.createElement("li");
              item.className = "microsite-overlay-" + line.severity;
              item.textContent = `${line.location}: ${line.severity} ${line.id}: ${line.message}`;
              list.append(item);
            }

            overlay.append(title, english, list);
            document.body.append(overlay);
          }

          function hide() {
            overlay?.remove();
            overlay = null;
          }
        })();
        """;

    public const string OverlayStyles = """
        /* Sent by `microsite serve` only. */
        .microsite-overlay {
          position: fixed;
          inset: auto 0 0 0;
          z-index: 2147483647;
          max-height: 60vh;
          overflow: auto;
          margin: 0;
          padding: 1rem 1.25rem;
          background: #2b0d0d;
          color: #fff;
          border-top: 4px solid #e0463e;
          font: 15px/1.5 ui-monospace, "Noto Sans Mono CJK SC", monospace;
          box-shadow: 0 -4px 24px rgb(0 0 0 / 40%);
        }

        .microsite-overlay-title {
          margin: 0 0 0.25rem;
          font-weight: bold;
        }

        .microsite-overlay ol {
          margin: 0.75rem 0 0;
          padding-left: 1.5rem;
        }

        .microsite-overlay-warning {
          color: #ffd479;
        }
        """;

    public const string NothingBuiltPage = """
        <!DOCTYPE html>
        <html lang="zh-Hans">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Microsite</title></head>
        <body><main><h1>等待第一次成功的构建</h1><p lang="en">Waiting for the first good build: fix the errors shown below and save.</p></main></body>
        </html>
        """;
}
