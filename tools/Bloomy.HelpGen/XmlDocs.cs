using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Bloomy.HelpGen;

/// <summary>One example of a cmdlet: the command line and what it does.</summary>
internal sealed record ExampleDoc(string Code, IReadOnlyList<string> Remarks);

/// <summary>The XML documentation file the compiler wrote for the cmdlet assembly.</summary>
internal sealed partial class XmlDocs
{
    private readonly Dictionary<string, XElement> _members;

    public XmlDocs(string path)
    {
        _members = XDocument.Load(path).Root?.Element("members")?.Elements("member")
            .Where(m => m.Attribute("name") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value)
            ?? new Dictionary<string, XElement>();
    }

    /// <summary>The paragraphs <c>&lt;para type="{kind}"&gt;</c> of a member (T:… or P:…), whitespace collapsed.</summary>
    public IReadOnlyList<string> Paragraphs(string member, string kind) =>
        _members.TryGetValue(member, out var element)
            ? element.Descendants("para")
                .Where(p => (string?)p.Attribute("type") == kind)
                .Select(p => Collapse(Text(p)))
                .Where(text => text.Length > 0)
                .ToList()
            : Array.Empty<string>();

    /// <summary>The <c>&lt;example&gt;</c> blocks of a type.</summary>
    public IReadOnlyList<ExampleDoc> Examples(string member) =>
        _members.TryGetValue(member, out var element)
            ? element.Elements("example")
                .Select(e => new ExampleDoc(
                    CodeText(e.Element("code")),
                    e.Elements("para").Select(p => Collapse(Text(p))).Where(t => t.Length > 0).ToList()))
                .ToList()
            : Array.Empty<ExampleDoc>();

    private static string CodeText(XElement? code)
    {
        if (code is null) return "";
        // Doc comments indent code by the comment's indentation; keep the code's own line structure.
        var lines = code.Value.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l));
    }

    private static string Text(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } see => ShortName(see),
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => (string?)reference.Attribute("name") ?? "",
                XElement inner => Text(inner),
                _ => "",
            });
        }
        return text.ToString();
    }

    private static string ShortName(XElement see)
    {
        var cref = (string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? (string?)see.Attribute("href") ?? "";
        var name = cref.Contains(':') ? cref[(cref.IndexOf(':') + 1)..] : cref;
        return see.Value.Length > 0 ? see.Value : name[(name.LastIndexOf('.') + 1)..];
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
