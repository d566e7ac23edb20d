using System.Text;

namespace Bloomy.Client.Auth;

// The text of a config file with a new API key in it: the api_key entries (Python's, and Ruby's when
// present) are replaced in place and everything else (other keys, comments, line endings) is kept; a
// file without one gets an api_key line appended; a new file gets the Python SDK's two lines.
internal static class ConfigFileEditor
{
    public static string WithApiKey(ConfigFileContent? existing, string quotedKey)
    {
        if (existing is null || (existing.IsEmpty && existing.Text.Trim().Length == 0))
        {
            return "api_key: " + quotedKey + "\nversion: 1\n";
        }
        var newline = existing.Text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
        if (existing.IsEmpty)
        {
            // Comments only: keep them.
            return EndWithNewline(existing.Text, newline) + "api_key: " + quotedKey + newline + "version: 1" + newline;
        }
        if (!existing.IsBlockMapping)
        {
            throw Refuse(existing, "is not a list of key: value lines");
        }
        var entries = new[] { existing.Python, existing.Ruby }.Where(e => e is not null).Select(e => e!).OrderByDescending(e => e.Start).ToList();
        if (entries.Count == 0)
        {
            if (existing.HasMoreThanOneDocument)
            {
                throw Refuse(existing, "holds more than one YAML document");
            }
            return EndWithNewline(existing.Text, newline) + existing.Indent + "api_key: " + quotedKey + newline;
        }
        var text = new StringBuilder(existing.Text);
        foreach (var entry in entries)
        {
            if (!entry.IsText)
            {
                throw Refuse(existing, $"has an {entry.Name} that is a list or a mapping");
            }
            text.Remove(entry.Start, entry.End - entry.Start);
            text.Insert(entry.Start, entry.Name + ": " + quotedKey);
        }
        return text.ToString();
    }

    private static string EndWithNewline(string text, string newline) =>
        text.Length == 0 || text.EndsWith("\n", StringComparison.Ordinal) ? text : text + newline;

    private static BloomyConfigurationException Refuse(ConfigFileContent content, string problem) =>
        new($"The config file {content.Path} {problem}, so Bloomy will not rewrite it. Fix or remove the file and save the key again.");
}
