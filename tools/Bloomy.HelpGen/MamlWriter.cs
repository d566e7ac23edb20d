using System.Management.Automation;
using System.Xml.Linq;

namespace Bloomy.HelpGen;

/// <summary>Writes cmdlet help in the MAML schema Get-Help reads (the &lt;assembly&gt;-Help.xml of a binary module).</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<CmdletDoc> cmdlets) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                cmdlets.Select(WriteCommand)));

    private static XElement WriteCommand(CmdletDoc cmdlet) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description(new[] { cmdlet.Synopsis })),
            Description(cmdlet.Description),
            new XElement(Command + "syntax", cmdlet.ParameterSets.Select(set => SyntaxItem(cmdlet, set))),
            new XElement(Command + "parameters", cmdlet.Parameters.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => Parameter(p, null))),
            new XElement(Command + "inputTypes", InputTypes(cmdlet)),
            new XElement(Command + "returnValues", cmdlet.Outputs.Select(t =>
                new XElement(Command + "returnValue", TypeElement(t), Description(Array.Empty<string>())))),
            new XElement(Command + "examples", cmdlet.Examples.Select((example, i) =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", $"-------------------------- Example {i + 1} --------------------------"),
                    new XElement(Dev + "code", example.Code),
                    new XElement(Dev + "remarks", example.Remarks.Select(r => new XElement(Maml + "para", r)))))),
            new XElement(Command + "relatedLinks",
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", "about_Bloomy"))));

    private static XElement SyntaxItem(CmdletDoc cmdlet, string set)
    {
        var inSet = cmdlet.Parameters
            .Select(p => (Parameter: p, Use: p.UseIn(set)))
            .Where(p => p.Use is not null)
            .OrderBy(p => p.Use!.Position ?? int.MaxValue)
            .ThenBy(p => p.Use!.Mandatory ? 0 : 1)
            .ThenBy(p => p.Parameter.Type == typeof(SwitchParameter) ? 1 : 0);
        return new XElement(Command + "syntaxItem",
            new XElement(Maml + "name", cmdlet.Name),
            inSet.Select(p => Parameter(p.Parameter, p.Use)));
    }

    /// <summary>A parameter as one set uses it (<paramref name="use"/>), or across its sets for the parameter list.</summary>
    private static XElement Parameter(ParameterDoc parameter, ParameterUse? use)
    {
        var uses = use is null ? parameter.Sets.Values.ToList() : new List<ParameterUse> { use };
        var mandatory = uses.All(u => u.Mandatory);
        var position = uses.Select(u => u.Position).FirstOrDefault(p => p is not null);
        bool byValue = uses.Any(u => u.ByValue), byName = uses.Any(u => u.ByPropertyName);
        var pipeline = (byValue, byName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
        var isSwitch = parameter.Type == typeof(SwitchParameter);
        return new XElement(Command + "parameter",
            new XAttribute("required", mandatory ? "true" : "false"),
            new XAttribute("variableLength", parameter.Type.IsArray ? "true" : "false"),
            new XAttribute("globbing", "false"),
            new XAttribute("pipelineInput", pipeline),
            new XAttribute("position", position?.ToString() ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(new[] { parameter.Description }),
            isSwitch ? null : new XElement(Command + "parameterValue",
                new XAttribute("required", "true"),
                new XAttribute("variableLength", parameter.Type.IsArray ? "true" : "false"),
                FriendlyName(parameter.Type)),
            TypeElement(parameter.Type),
            new XElement(Dev + "defaultValue", parameter.DefaultValue));
    }

    private static IEnumerable<XElement> InputTypes(CmdletDoc cmdlet)
    {
        foreach (var parameter in cmdlet.Parameters.Where(p => p.Sets.Values.Any(u => u.ByValue)))
        {
            yield return new XElement(Command + "inputType", TypeElement(parameter.Type),
                Description(new[] { $"Binds to -{parameter.Name}." }));
        }
        var byName = cmdlet.Parameters.Where(p => p.Sets.Values.Any(u => u.ByPropertyName)).Select(p => p.Name).ToList();
        if (byName.Count > 0)
        {
            yield return new XElement(Command + "inputType", TypeElement(typeof(PSObject)),
                Description(new[] { "Objects with these properties bind by property name: " + string.Join(", ", byName) + "." }));
        }
    }

    private static XElement TypeElement(Type type) =>
        new(Dev + "type", new XElement(Maml + "name", FullName(type)), new XElement(Maml + "uri"));

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(Maml + "description", paragraphs.Select(p => new XElement(Maml + "para", p)));

    private static string FullName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? FullName(inner) : type.FullName ?? type.Name;

    private static string FriendlyName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? FriendlyName(inner)
        : type.IsArray ? FriendlyName(type.GetElementType()!) + "[]"
        : type.Name;
}
