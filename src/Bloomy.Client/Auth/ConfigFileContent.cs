using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bloomy.Client.Auth;

// One api_key entry of the config file: its value and where it sits in the text, so that saving can
// replace exactly that entry and keep everything else.
internal sealed class ConfigKeyEntry
{
    public ConfigKeyEntry(string name, int start, int end, string? value, bool isText)
    {
        Name = name;
        Start = start;
        End = end;
        Value = value;
        IsText = isText;
    }

    public string Name { get; }          // "api_key" (Python SDK) or ":api_key" (Ruby SDK)
    public int Start { get; }            // where the key starts
    public int End { get; }              // the end of the value's last line (before its line break)
    public string? Value { get; }        // trimmed text; null for a YAML null or a non-text value
    public bool IsText { get; }          // false when the value is a list or a mapping
}

// The config file read defensively. The file is only ever a few short lines, so anything else is refused
// before the YAML parser builds anything: more than 64 KB, bytes that are not UTF-8 text, nesting deeper
// than a few levels, anchors and aliases (expansion bombs). The YAML is read as a stream of events, which
// needs no recursion, never as a node tree (whose recursive construction a deeply nested file can use to
// overflow the stack and kill the process). Two api_key entries are ambiguous and refused too.
internal sealed class ConfigFileContent
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxDepth = 16;

    private ConfigFileContent(string path, string text, bool hasBom)
    {
        Path = path;
        Text = text;
        HasBom = hasBom;
    }

    public string Path { get; }
    public string Text { get; }
    public bool HasBom { get; }

    // True when the first document is a block mapping (key: value lines), which saving can edit.
    public bool IsBlockMapping { get; private set; }

    // True when the file holds no YAML node at all (empty, blank or comments only).
    public bool IsEmpty { get; private set; } = true;

    // True when something follows the first document (an explicit end or another document).
    public bool HasMoreThanOneDocument { get; private set; }

    // The indentation of the top-level keys, for an appended line.
    public string Indent { get; private set; } = string.Empty;

    public ConfigKeyEntry? Python { get; private set; }
    public ConfigKeyEntry? Ruby { get; private set; }

    // The key the SDKs would use: the Python form wins when a file has both.
    public ConfigKeyEntry? Effective => Python ?? Ruby;

    public static ConfigFileContent Read(string path)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            // Read one byte past the limit, never the whole of whatever the path names (a huge file, a device).
            bytes = new byte[MaxBytes + 1];
            var total = 0;
            int read;
            while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
            {
                total += read;
            }
            if (total > MaxBytes)
            {
                throw Refuse(path, $"is larger than {MaxBytes / 1024} KB; a config file holds a few short lines");
            }
            Array.Resize(ref bytes, total);
        }
        return Parse(path, bytes);
    }

    public static ConfigFileContent Parse(string path, byte[] bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw Refuse(path, $"is larger than {MaxBytes / 1024} KB; a config file holds a few short lines");
        }
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        string text;
        try
        {
            var offset = hasBom ? 3 : 0;
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw Refuse(path, "is not UTF-8 text (it looks like a binary file)");
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\u007F' || c == '\uFFFE' || c == '\uFFFF')
            {
                throw Refuse(path, $"contains a control character (U+{(int)c:X4}) on line {LineOf(text, i)}; it looks like a binary file");
            }
        }
        var content = new ConfigFileContent(path, text, hasBom);
        content.Scan();
        return content;
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n') line++;
        }
        return line;
    }

    private sealed class Frame
    {
        public Frame(bool isMapping) => IsMapping = isMapping;
        public bool IsMapping { get; }
        public int Children { get; set; }
        public bool ExpectsKey => IsMapping && Children % 2 == 0;
    }

    private void Scan()
    {
        var frames = new Stack<Frame>();
        var documents = 0;
        Scalar? pendingKey = null;
        var parser = new Parser(new StringReader(Text));
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current;
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            HasMoreThanOneDocument = true;
                            return;
                        }
                        continue;
                    case DocumentEnd end:
                        if (!end.IsImplicit) HasMoreThanOneDocument = true;
                        continue;
                    case StreamStart or StreamEnd or null:
                        continue;
                    case AnchorAlias:
                        throw Refuse(Path, $"uses a YAML alias on line {Line(current)}; a config file needs no anchors or aliases");
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        throw Refuse(Path, $"uses a YAML anchor on line {Line(current)}; a config file needs no anchors or aliases");
                }

                var parent = frames.Count == 0 ? null : frames.Peek();
                var topLevel = frames.Count == 1 && parent!.IsMapping;
                var isKey = parent?.ExpectsKey ?? false;
                switch (current)
                {
                    case MappingStart mapping:
                        if (frames.Count == 0)
                        {
                            IsEmpty = false;
                            IsBlockMapping = mapping.Style != MappingStyle.Flow;
                        }
                        if (topLevel && !isKey && pendingKey is not null)
                        {
                            Record(pendingKey, current, text: null, isText: false);
                        }
                        pendingKey = null;
                        Push(frames, new Frame(isMapping: true), current);
                        break;
                    case SequenceStart:
                        if (frames.Count == 0) IsEmpty = false;
                        if (topLevel && !isKey && pendingKey is not null)
                        {
                            Record(pendingKey, current, text: null, isText: false);
                        }
                        pendingKey = null;
                        Push(frames, new Frame(isMapping: false), current);
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        if (frames.Count > 0) frames.Peek().Children++;
                        break;
                    case Scalar scalar:
                        // A document of nothing ("---" alone) is an empty file too.
                        if (frames.Count == 0 && scalar.Value.Length > 0) IsEmpty = false;
                        if (topLevel && isKey)
                        {
                            pendingKey = scalar.Value is "api_key" or ":api_key" ? scalar : null;
                            if (Python is null && Ruby is null && Indent.Length == 0)
                            {
                                Indent = new string(' ', ColumnOf(scalar.Start.Index));
                            }
                        }
                        else if (topLevel && pendingKey is not null)
                        {
                            Record(pendingKey, scalar, ValueOf(scalar), isText: true);
                            pendingKey = null;
                        }
                        if (parent is not null) parent.Children++;
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            // Only the line: the parser's message may quote the text, and the text may hold the key.
            throw Refuse(Path, $"is not valid YAML (line {ex.Start.Line.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    private void Push(Stack<Frame> frames, Frame frame, ParsingEvent at)
    {
        frames.Push(frame);
        if (frames.Count > MaxDepth)
        {
            throw Refuse(Path, $"nests more than {MaxDepth} levels deep (line {Line(at)}); a config file is flat key: value lines");
        }
    }

    private void Record(Scalar key, ParsingEvent value, string? text, bool isText)
    {
        var start = (int)key.Start.Index;
        var end = LineEnd(text is null && isText ? start : Math.Max(start, (int)value.End.Index - 1));
        var entry = new ConfigKeyEntry(key.Value, start, end, text, isText);
        if (key.Value == "api_key")
        {
            if (Python is not null)
            {
                throw Refuse(Path, $"has api_key twice (lines {Line(Python.Start)} and {Line(start)}); keep one");
            }
            Python = entry;
        }
        else
        {
            if (Ruby is not null)
            {
                throw Refuse(Path, $"has :api_key twice (lines {Line(Ruby.Start)} and {Line(start)}); keep one");
            }
            Ruby = entry;
        }
    }

    // A plain `null` / `~` / empty value is YAML null, as yaml.safe_load reads it.
    private static string? ValueOf(Scalar scalar)
    {
        if (scalar.Style == ScalarStyle.Plain &&
            (scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value.Equals("null", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var value = scalar.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    // The end of the line holding `index`, before its line break.
    private int LineEnd(int index)
    {
        var newline = Text.IndexOf('\n', Math.Min(index, Text.Length));
        var end = newline < 0 ? Text.Length : newline;
        return end > 0 && end <= Text.Length && end > index && Text[end - 1] == '\r' ? end - 1 : end;
    }

    private int ColumnOf(long index)
    {
        var i = (int)Math.Min(index, Text.Length);
        var lineStart = i == 0 ? 0 : Text.LastIndexOf('\n', i - 1) + 1;
        return i - lineStart;
    }

    private string Line(ParsingEvent at) => at.Start.Line.ToString(CultureInfo.InvariantCulture);

    private string Line(int index) => LineOf(Text, index).ToString(CultureInfo.InvariantCulture);

    public static BloomyConfigurationException Refuse(string path, string problem, Exception? inner = null) =>
        new($"The config file {path} cannot be used: it {problem}. Fix or remove the file, or give the key with -ApiKey or BG_API_KEY.", inner);
}
