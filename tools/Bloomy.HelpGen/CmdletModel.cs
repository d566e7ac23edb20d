using System.Collections;
using System.Management.Automation;
using System.Reflection;

namespace Bloomy.HelpGen;

/// <summary>What one parameter looks like in one parameter set.</summary>
internal sealed record ParameterUse(bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);

/// <summary>A cmdlet parameter with its documentation and its use in each parameter set.</summary>
internal sealed record ParameterDoc(
    string Name,
    Type Type,
    string Description,
    IReadOnlyList<string> Aliases,
    string DefaultValue,
    IReadOnlyDictionary<string, ParameterUse> Sets);

/// <summary>Everything the help of one cmdlet is made of.</summary>
internal sealed record CmdletDoc(
    string Name,
    string Verb,
    string Noun,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<ParameterDoc> Parameters,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<ExampleDoc> Examples,
    IReadOnlyList<Type> Outputs);

/// <summary>Reads cmdlets from the assembly's metadata and their documentation from the XML doc file.</summary>
internal static class CmdletModel
{
    public const string AllSets = "__AllParameterSets";
    public const int MinimumExamples = 2;

    /// <summary>The parameters ShouldProcess adds; their text is PowerShell's, not ours.</summary>
    private static readonly (string Name, string Description)[] ShouldProcessParameters =
    {
        ("WhatIf", "Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is sent to the API."),
        ("Confirm", "Prompts you for confirmation before running the cmdlet."),
    };

    public static IReadOnlyList<CmdletDoc> Read(Assembly assembly, XmlDocs docs, ICollection<string> problems)
    {
        var cmdlets = new List<CmdletDoc>();
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetCustomAttribute<CmdletAttribute>() is { } cmdlet)
            {
                cmdlets.Add(ReadCmdlet(type, cmdlet, docs, problems));
            }
        }
        if (cmdlets.Count == 0) problems.Add($"{assembly.GetName().Name} has no cmdlets.");
        return cmdlets.OrderBy(c => c.Noun, StringComparer.Ordinal).ThenBy(c => c.Verb, StringComparer.Ordinal).ToList();
    }

    private static CmdletDoc ReadCmdlet(Type type, CmdletAttribute attribute, XmlDocs docs, ICollection<string> problems)
    {
        var name = $"{attribute.VerbName}-{attribute.NounName}";
        var member = "T:" + type.FullName;
        var synopsis = docs.Paragraphs(member, "synopsis");
        var description = docs.Paragraphs(member, "description");
        var examples = docs.Examples(member);
        if (synopsis.Count == 0) problems.Add($"{name} ({type.FullName}) has no <para type=\"synopsis\">.");
        if (description.Count == 0) problems.Add($"{name} ({type.FullName}) has no <para type=\"description\">.");
        if (examples.Count < MinimumExamples) problems.Add($"{name} ({type.FullName}) has {examples.Count} <example> block(s); at least {MinimumExamples} are required.");
        foreach (var example in examples.Where(e => e.Code.Length == 0 || e.Remarks.Count == 0))
        {
            problems.Add($"{name}: every <example> needs a <code> and a <para> saying what it does.");
        }

        var defaults = Activator.CreateInstance(type);
        var parameters = new List<ParameterDoc>();
        var setDeclarations = new List<(int Depth, string Set)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var uses = property.GetCustomAttributes<ParameterAttribute>().ToList();
            if (uses.Count == 0) continue;
            var text = docs.Paragraphs($"P:{property.DeclaringType!.FullName}.{property.Name}", "description");
            if (text.Count == 0) problems.Add($"{name} -{property.Name} ({property.DeclaringType.FullName}.{property.Name}) has no <para type=\"description\">.");
            setDeclarations.AddRange(uses.Select(u => (InheritanceDepth(property.DeclaringType), u.ParameterSetName ?? AllSets)));
            parameters.Add(new ParameterDoc(
                property.Name,
                property.PropertyType,
                string.Join(" ", text),
                property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).ToList(),
                FormatDefault(property.GetValue(defaults)),
                uses.GroupBy(u => u.ParameterSetName ?? AllSets).ToDictionary(
                    g => g.Key,
                    g => g.Select(u => new ParameterUse(u.Mandatory, u.Position == int.MinValue ? null : u.Position, u.ValueFromPipeline, u.ValueFromPipelineByPropertyName)).First())));
        }
        if (attribute.SupportsShouldProcess)
        {
            parameters.AddRange(ShouldProcessParameters.Select(p => new ParameterDoc(
                p.Name, typeof(SwitchParameter), p.Description, Array.Empty<string>(), "False",
                new Dictionary<string, ParameterUse> { [AllSets] = new(false, null, false, false) })));
        }

        // Reflection lists a type's own properties before inherited ones; the sets a base class declares come first,
        // in the order the sets build on each other (a user's list, a meeting's, then the cmdlet's own sets).
        var sets = setDeclarations.OrderBy(d => d.Depth).Select(d => d.Set).Where(s => s != AllSets).Distinct().ToList();
        // A default set that no parameter names (Connect-Bloomy's form without a key, which takes it from BG_API_KEY
        // or the config file) is still a form of the command, made of the parameters of every set, as in Get-Command.
        if (sets.Count > 0 && attribute.DefaultParameterSetName is { Length: > 0 } declared && declared != AllSets && !sets.Contains(declared))
        {
            sets.Add(declared);
        }
        if (sets.Count == 0) sets.Add(AllSets);
        // Put the default set first, as Get-Command's syntax does.
        sets = sets.OrderBy(s => s == attribute.DefaultParameterSetName ? 0 : 1).ToList();

        return new CmdletDoc(
            name, attribute.VerbName, attribute.NounName,
            string.Join(" ", synopsis), description,
            parameters, sets, examples,
            type.GetCustomAttributes<OutputTypeAttribute>().SelectMany(o => o.Type).Select(t => t.Type).OfType<Type>().Where(t => t != typeof(void)).ToList());
    }

    private static int InheritanceDepth(Type type)
    {
        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType) depth++;
        return depth;
    }

    private static string FormatDefault(object? value) => value switch
    {
        null => "None",
        SwitchParameter s => s.IsPresent ? "True" : "False",
        string { Length: 0 } => "None",
        ICollection { Count: 0 } => "None",
        ICollection items => string.Join(", ", items.Cast<object?>()),
        _ => value.ToString() ?? "None",
    };

    /// <summary>The parameter's uses in a set: its own entry for the set, else its entry for all sets.</summary>
    public static ParameterUse? UseIn(this ParameterDoc parameter, string set) =>
        parameter.Sets.TryGetValue(set, out var use) ? use
        : parameter.Sets.TryGetValue(AllSets, out var all) ? all
        : null;
}
