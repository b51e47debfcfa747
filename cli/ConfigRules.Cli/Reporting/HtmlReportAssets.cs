namespace ConfigRules.Cli.Reporting;

/// <summary>
/// The HTML report's fixed parts: inline styles, the filter script and a Content-Security-Policy that allows
/// nothing but them (no fonts, images, scripts or connections from anywhere), so the page never makes a request.
/// </summary>
internal static class HtmlReportAssets
{
    public const string Head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ConfigRules report</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1f24; }
        h1 { margin: 0 0 .25rem; } h2 { margin: 1.5rem 0 .5rem; font-size: 1.2rem; }
        .meta { color: #57606a; margin: 0; }
        .totals span, .legend span { display: inline-block; padding: .1rem .5rem; border-radius: .25rem; margin-right: .25rem; }
        .NON_COMPLIANT { background: #ffd7d5; color: #82071e; } .COMPLIANT { background: #dafbe1; color: #116329; }
        .NOT_APPLICABLE { background: #eaeef2; color: #57606a; } .EXEMPTED { background: #fff1c5; color: #7d4e00; }
        .bar-row { display: flex; align-items: center; margin: .2rem 0; }
        .bar-label { width: 22rem; font-family: ui-monospace, monospace; font-size: .85rem; }
        .bar { flex: 1; display: flex; height: 1.4rem; background: #f6f8fa; border-radius: .25rem; overflow: hidden; }
        .segment { display: flex; align-items: center; justify-content: center; font-size: .75rem; min-width: 1.5rem; }
        .empty { color: #57606a; font-size: .8rem; padding-left: .5rem; }
        #filters label { margin-right: 1rem; } #shown { color: #57606a; }
        table { border-collapse: collapse; width: 100%; margin-top: .75rem; font-size: .9rem; }
        th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        .group-header th { background: #f6f8fa; font-size: 1rem; }
        .severity.critical, .severity.high { color: #82071e; font-weight: 600; } .severity.medium { color: #7d4e00; }
        .source { font-family: ui-monospace, monospace; font-size: .8rem; color: #57606a; }
        [hidden] { display: none !important; }
        </style>
        </head>
        <body>

        """;

    /// <summary>
    /// Filters rows by rule, compliance type and text; a rule's group header hides with its last shown row. The
    /// filters can be given in the address's fragment (#rule=...&amp;compliance=...&amp;text=...), so a link can carry them.
    /// </summary>
    public const string Tail = """
        <script>
        (function () {
          var rule = document.getElementById('filter-rule');
          var compliance = document.getElementById('filter-compliance');
          var text = document.getElementById('filter-text');
          var shown = document.getElementById('shown');
          var rows = Array.prototype.slice.call(document.querySelectorAll('tr.finding'));
          function apply() {
            var needle = text.value.trim().toLowerCase();
            var count = 0;
            rows.forEach(function (row) {
              var visible = (!rule.value || row.dataset.rule === rule.value)
                && (!compliance.value || row.dataset.compliance === compliance.value)
                && (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
              row.hidden = !visible;
              if (visible) count++;
            });
            document.querySelectorAll('tbody.rule-group').forEach(function (group) {
              group.hidden = !group.querySelector('tr.finding:not([hidden])');
            });
            shown.textContent = count + ' of ' + rows.length + ' findings shown';
          }
          var fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
          if (fragment.has('rule')) rule.value = fragment.get('rule');
          if (fragment.has('compliance')) compliance.value = fragment.get('compliance');
          if (fragment.has('text')) text.value = fragment.get('text');
          [rule, compliance].forEach(function (control) { control.addEventListener('change', apply); });
          text.addEventListener('input', apply);
          apply();
        })();
        </script>
        </body>
        </html>

        """;
}
