using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bloomy.Client.GraphQL;

// Notes are Etherpad pads (bloom-graphql.md §6): written as HTML through CreateNote, read back from four fields.
internal static class PadNotes
{
    // The fields every document that reads notes selects (notesText is "" unless collaborationEnabled is selected too).
    public const string Fields = "notesId notesText localHtml collaborationEnabled";

    private static readonly Regex Tag = new("<[^>]*>", RegexOptions.CultureInvariant);
    private static readonly Regex LineBreak = new(@"<br\s*/?>|</p>\s*<p[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Plain text to CreateNote's text: HTML-escaped (& < > " '), every line break (\n, \r\n, \r) → <br> (§6.2).
    public static string ToPadHtml(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#x27;"); break;
                case '\r':
                    builder.Append("<br>");
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    break;
                case '\n': builder.Append("<br>"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    // The notes of an entity as plain text (§6.1): collaborationEnabled → notesText without its trailing newlines;
    // otherwise localHtml without tags (a <br> or paragraph break kept as a newline), entities decoded, trimmed. "" → null.
    public static string? ExtractText(JsonElement entity)
    {
        if (entity.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        string? text;
        if (entity.TryGetProperty("collaborationEnabled", out var collaboration) && collaboration.ValueKind == JsonValueKind.True)
        {
            text = String(entity, "notesText")?.TrimEnd('\n', '\r');
        }
        else
        {
            var html = String(entity, "localHtml");
            text = html is null ? null : WebUtility.HtmlDecode(Tag.Replace(LineBreak.Replace(html, "\n"), string.Empty)).Trim();
        }
        return string.IsNullOrEmpty(text) ? null : text;
    }

    // The pad id of an entity, null when there is none (absent, null or "0", as on dividers).
    public static string? PadId(JsonElement entity)
    {
        var id = entity.ValueKind == JsonValueKind.Object ? String(entity, "notesId") : null;
        return string.IsNullOrEmpty(id) || id == "0" ? null : id;
    }

    private static string? String(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
