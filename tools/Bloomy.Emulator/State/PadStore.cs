namespace Bloomy.Emulator;

/// <summary>
/// The notes pads (Etherpad stand-in) written by GraphQL <c>CreateNote</c> (bloom-graphql §6): each write makes a
/// new pad holding the HTML it was given. Thread-safe.
/// </summary>
public sealed class PadStore
{
    private readonly object _lock = new();
    private readonly Dictionary<string, string> _pads = new(StringComparer.Ordinal);
    private long _next = 1;

    /// <summary>Stores <paramref name="html"/> in a new pad and returns its id ("pad-1", "pad-2"...).</summary>
    public string Create(string html)
    {
        lock (_lock)
        {
            var id = "pad-" + _next++;
            _pads[id] = html;
            return id;
        }
    }

    /// <summary>The HTML of a pad, or null when there is none.</summary>
    public string? Html(string? padId)
    {
        if (padId is null) return null;
        lock (_lock) return _pads.GetValueOrDefault(padId);
    }

    /// <summary>
    /// The pad's plain text as Etherpad returns it: <c>&lt;br&gt;</c> → newline, other tags removed, entities
    /// decoded, and a trailing newline; null when the pad does not exist.
    /// </summary>
    public string? Text(string? padId)
    {
        var html = Html(padId);
        if (html is null) return null;
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<br\\s*/?>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", "");
        return System.Net.WebUtility.HtmlDecode(text) + "\n";
    }

    /// <summary>Number of pads created.</summary>
    public int Count { get { lock (_lock) return _pads.Count; } }
}
