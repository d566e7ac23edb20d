using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using Bloomy.Cmdlets.Commands;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets;

/// <summary>
/// The cmdlet conventions (design §5), checked by reflection over every cmdlet the module exports and
/// every cmdlet type in the assembly, so they hold for cmdlets added later without naming them here.
/// </summary>
public sealed class ConventionTests : IClassFixture<ConventionTests.ExportedCmdlets>
{
    /// <summary>The cmdlets as the engine exports them, read once per class.</summary>
    public sealed class ExportedCmdlets
    {
        public ExportedCmdlets()
        {
            using var session = new PowerShellSession();
            Infos = session.Run("Get-Command -Module Bloomy -CommandType Cmdlet").ThrowIfFailed().OutputOf<CmdletInfo>().ToList();
            var hasGetVerb = session.Run("Get-Command Get-Verb -ErrorAction SilentlyContinue").Output.Count > 0;
            EngineVerbs = hasGetVerb
                ? session.Run("(Get-Verb).Verb").ThrowIfFailed().Output.Cast<string>().ToHashSet(StringComparer.Ordinal)
                : null;
        }

        public IReadOnlyList<CmdletInfo> Infos { get; }

        /// <summary>Get-Verb's list when the hosted engine has the cmdlet; null otherwise.</summary>
        public HashSet<string>? EngineVerbs { get; }
    }

    /// <summary>Verbs whose cmdlets change data, and so must support -WhatIf and -Confirm.</summary>
    private static readonly HashSet<string> ChangingVerbs = new(StringComparer.Ordinal)
    {
        "New", "Set", "Remove", "Add", "Complete", "Close", "Restore", "Clear", "Update", "Move", "Rename", "Reset",
        "Enable", "Disable", "Submit", "Approve", "Deny", "Register", "Unregister", "Publish", "Unpublish", "Import",
        "Edit", "Merge", "Join", "Split", "Lock", "Unlock", "Grant", "Revoke", "Block", "Unblock", "Undo", "Redo",
        "Save", "Sync", "Send", "Write", "Copy", "Initialize", "Install", "Uninstall", "Start", "Stop", "Suspend",
        "Resume", "Assign", "Unassign", "Archive", "Expand", "Compress", "Mount", "Dismount", "Protect",
        "Unprotect", "Push", "Pop", "Backup", "Checkpoint", "Deploy",
    };

    /// <summary>Singular words that end in 's' (a trailing 's' otherwise means a plural noun).</summary>
    private static readonly HashSet<string> SingularWordsEndingInS = new(StringComparer.Ordinal)
    {
        "Status", "Alias", "Analysis", "Basis", "Series", "News", "Focus", "Bonus", "Canvas",
    };

    private readonly ExportedCmdlets _exported;

    public ConventionTests(ExportedCmdlets exported) => _exported = exported;

    /// <summary>Every cmdlet type: the engine's exports and the assembly's, deduplicated by type name.</summary>
    private IReadOnlyList<Type> CmdletTypes =>
        _exported.Infos.Select(i => i.ImplementingType)
            .Concat(typeof(BloomyCmdlet).Assembly.GetTypes().Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null))
            .GroupBy(t => t.FullName)
            .Select(g => g.First())
            .ToList();

    [Fact]
    public void The_module_exports_cmdlets_and_each_is_in_the_assembly()
    {
        Assert.NotEmpty(_exported.Infos);
        var inAssembly = typeof(BloomyCmdlet).Assembly.GetTypes().Select(t => t.FullName).ToHashSet();
        Assert.All(_exported.Infos, i => Assert.Contains(i.ImplementingType.FullName, inAssembly));
    }

    [Fact]
    public void Every_verb_is_approved()
    {
        var approved = _exported.EngineVerbs ?? VerbsFromTheEngineClasses();
        Assert.Contains("Get", approved);
        AssertNoViolations(type => approved.Contains(Attribute(type).VerbName)
            ? null
            : $"'{Attribute(type).VerbName}' is not an approved verb");
    }

    [Fact]
    public void Every_noun_starts_with_Bloomy_and_is_singular()
    {
        AssertNoViolations(type =>
        {
            var noun = Attribute(type).NounName;
            if (!noun.StartsWith("Bloomy", StringComparison.Ordinal)) return $"noun '{noun}' does not start with Bloomy";
            var lastWord = LastWord(noun);
            var plural = lastWord.EndsWith('s') && !lastWord.EndsWith("ss", StringComparison.Ordinal)
                && !SingularWordsEndingInS.Contains(lastWord);
            return plural ? $"noun '{noun}' looks plural ('{lastWord}')" : null;
        });
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_type()
    {
        AssertNoViolations(type => type.GetCustomAttributes<OutputTypeAttribute>().Any() ? null : "has no [OutputType]");
    }

    [Fact]
    public void Every_cmdlet_that_changes_data_supports_ShouldProcess_and_deletes_confirm_by_default()
    {
        var checkedAny = false;
        AssertNoViolations(type =>
        {
            var attribute = Attribute(type);
            if (!ChangingVerbs.Contains(attribute.VerbName)) return null;
            checkedAny = true;
            if (!attribute.SupportsShouldProcess) return "changes data but does not support ShouldProcess";
            if (attribute.VerbName == "Remove" && attribute.ConfirmImpact != ConfirmImpact.High)
            {
                return $"deletes with ConfirmImpact {attribute.ConfirmImpact}, not High";
            }
            return null;
        });
        Assert.True(checkedAny, "at least one cmdlet changes data");
    }

    [Fact]
    public void Every_cmdlet_that_takes_pipeline_input_and_calls_the_API_has_ThrottleLimit()
    {
        var infos = _exported.Infos.ToDictionary(i => i.ImplementingType.FullName!);
        AssertNoViolations(type =>
        {
            var takesPipelineInput = ParameterProperties(type).Any(p => p.GetCustomAttributes<ParameterAttribute>()
                .Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName));
            if (!takesPipelineInput || !DerivesFrom(type, typeof(BloomyCmdlet))) return null;
            if (!DerivesFrom(type, typeof(BloomyPipelineCmdlet))) return "takes pipeline input but does not derive from BloomyPipelineCmdlet";
            return infos.TryGetValue(type.FullName!, out var info) && !info.Parameters.ContainsKey("ThrottleLimit")
                ? "has no -ThrottleLimit in the engine"
                : null;
        });
    }

    [Fact]
    public void Every_cmdlet_has_a_synopsis_a_description_and_an_example_in_its_doc_comment()
    {
        var docs = LoadDocumentation();
        AssertNoViolations(type =>
        {
            if (!docs.TryGetValue("T:" + DocName(type), out var member)) return "has no doc comment";
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(Para(member, "synopsis"))) missing.Add("synopsis");
            if (string.IsNullOrWhiteSpace(Para(member, "description"))) missing.Add("description");
            if (!member.Elements("example").Any(e => !string.IsNullOrWhiteSpace((string?)e.Element("code")))) missing.Add("example with code");
            return missing.Count == 0 ? null : "doc comment lacks " + string.Join(", ", missing);
        });
    }

    [Fact]
    public void Every_parameter_has_a_description_in_its_doc_comment()
    {
        var docs = LoadDocumentation();
        AssertNoViolations(type =>
        {
            var undocumented = ParameterProperties(type)
                .Where(p => !docs.TryGetValue($"P:{DocName(p.DeclaringType!)}.{p.Name}", out var member)
                    || string.IsNullOrWhiteSpace(Para(member, "description")))
                .Select(p => "-" + p.Name)
                .ToList();
            return undocumented.Count == 0 ? null : "parameters without a description: " + string.Join(", ", undocumented);
        });
    }

    [Fact]
    public void No_cmdlet_is_more_than_three_levels_below_PSCmdlet()
    {
        AssertNoViolations(type =>
        {
            var chain = new List<string>();
            for (var current = type; current is not null && current.FullName != typeof(PSCmdlet).FullName; current = current.BaseType)
            {
                chain.Add(current.Name);
            }
            return chain.Count <= 3 ? null : $"is {chain.Count} levels below PSCmdlet ({string.Join(" : ", chain)})";
        });
    }

    /// <summary>The parameters every API cmdlet shares, whose help is the same everywhere.</summary>
    private static readonly HashSet<string> SharedParameters = new(StringComparer.Ordinal) { "Connection", "ThrottleLimit" };

    [Fact]
    public void Every_cmdlet_declares_its_own_parameters_so_their_help_speaks_of_its_items()
    {
        AssertNoViolations(type =>
        {
            var inherited = ParameterProperties(type)
                .Where(p => p.DeclaringType!.FullName != type.FullName && !SharedParameters.Contains(p.Name))
                .Select(p => $"-{p.Name} (from {p.DeclaringType!.Name})")
                .ToList();
            return inherited.Count == 0 ? null : "inherits parameters: " + string.Join(", ", inherited);
        });
    }

    [Fact]
    public void Every_title_parameter_refuses_blank_text_before_any_request()
    {
        var checkedAny = false;
        AssertNoViolations(type =>
        {
            if (type.GetProperty("Title") is not { } title || !title.GetCustomAttributes<ParameterAttribute>().Any()) return null;
            checkedAny = true;
            return title.GetCustomAttributes().Any(a => a.GetType().Name == "ValidateNotBlankAttribute")
                ? null
                : "-Title has no [ValidateNotBlank]";
        });
        Assert.True(checkedAny, "at least one cmdlet has a -Title");
    }

    [Fact]
    public void The_owner_of_a_new_or_changed_item_is_OwnerId_with_UserId_as_its_alias()
    {
        var checkedAny = false;
        AssertNoViolations(type =>
        {
            var verb = Attribute(type).VerbName;
            if (verb is not ("New" or "Set")) return null;
            var userId = type.GetProperty("UserId");
            if (userId?.GetCustomAttributes<ParameterAttribute>().Any() == true) return "names the owner -UserId; call it -OwnerId, with UserId as an alias";
            if (type.GetProperty("OwnerId") is not { } owner) return null;
            checkedAny = true;
            return owner.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).Contains("UserId")
                ? null
                : "-OwnerId has no UserId alias";
        });
        Assert.True(checkedAny, "at least one cmdlet has an owner");
    }

    [Fact]
    public void Every_cmdlet_that_takes_rows_keeps_the_row_so_an_unusable_cell_is_reported()
    {
        var checkedAny = false;
        AssertNoViolations(type =>
        {
            var columns = RowColumns(type).ToList();
            if (columns.Count == 0) return null;
            checkedAny = true;
            var row = type.GetProperty("InputObject");
            var attribute = row?.GetCustomAttributes<ParameterAttribute>().SingleOrDefault();
            var keepsRow = row is not null && row.PropertyType == typeof(PSObject) && attribute is not null
                && attribute.ValueFromPipeline && attribute.DontShow && attribute.ParameterSetName == ParameterAttribute.AllParameterSets;
            return keepsRow
                ? null
                : $"takes rows ({string.Join(", ", columns)}) but has no hidden by-value PSObject -InputObject in every set for the unusable-cell check";
        });
        Assert.True(checkedAny, "at least one cmdlet takes rows");
    }

    /// <summary>
    /// The row columns a cell could fail to convert for, which PowerShell would skip without a word: parameters whose
    /// id or date transformation hands unusable cells on to the cmdlet, and optional by-property-name parameters of
    /// a type a text cell may not convert to, in a set where nothing else binds by value, unless their id or date
    /// transformation reports the cell itself (Get-BloomyMeeting's -UserId: a binding error names the row).
    /// </summary>
    private static IEnumerable<string> RowColumns(Type type)
    {
        var properties = ParameterProperties(type).ToList();
        foreach (var property in properties)
        {
            if (property.Name == "InputObject") continue;
            var transformations = property.GetCustomAttributes()
                .Select(a => a.GetType().GetProperty("ReportedByRow")?.GetValue(a))
                .OfType<bool>()
                .ToList();
            var reportedByRow = transformations.Contains(true);
            var reportsItself = transformations.Contains(false);
            var optionalColumn = property.GetCustomAttributes<ParameterAttribute>().Any(a =>
                a.ValueFromPipelineByPropertyName && !a.Mandatory
                && !properties.Any(other => other != property && other.Name != "InputObject" && other.GetCustomAttributes<ParameterAttribute>()
                    .Any(o => o.ValueFromPipeline && (o.ParameterSetName == a.ParameterSetName || o.ParameterSetName == ParameterAttribute.AllParameterSets))));
            var convertible = property.PropertyType != typeof(string) && property.PropertyType != typeof(SwitchParameter);
            if (reportedByRow || (optionalColumn && convertible && !reportsItself)) yield return property.Name;
        }
    }

    private void AssertNoViolations(Func<Type, string?> violation)
    {
        var types = CmdletTypes;
        Assert.NotEmpty(types);
        var failures = types
            .Select(t => (Type: t, Problem: violation(t)))
            .Where(f => f.Problem is not null)
            .Select(f => $"{Attribute(f.Type).VerbName}-{Attribute(f.Type).NounName} ({f.Type.Name}): {f.Problem}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static CmdletAttribute Attribute(Type type) => type.GetCustomAttribute<CmdletAttribute>()!;

    private static IEnumerable<PropertyInfo> ParameterProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any());

    /// <summary>By name, since the engine may have loaded the module's own copy of the assembly.</summary>
    private static bool DerivesFrom(Type type, Type baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == baseType.FullName) return true;
        }
        return false;
    }

    private static HashSet<string> VerbsFromTheEngineClasses() =>
        new[]
        {
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
        }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private static string LastWord(string pascalCase)
    {
        var start = 0;
        for (var i = 1; i < pascalCase.Length; i++)
        {
            if (char.IsUpper(pascalCase[i])) start = i;
        }
        return pascalCase[start..];
    }

    private static string DocName(Type type) => type.FullName!.Replace('+', '.');

    private static string? Para(XElement member, string kind) =>
        member.Element("summary")?.Elements("para").FirstOrDefault(p => (string?)p.Attribute("type") == kind)?.Value;

    /// <summary>
    /// The assembly's XML documentation, from the staged module when it carries one, else from the build output.
    /// </summary>
    private static Dictionary<string, XElement> LoadDocumentation()
    {
        var fileName = Path.GetFileNameWithoutExtension(typeof(BloomyCmdlet).Assembly.Location) + ".xml";
        var path = new[]
            {
                Path.Combine(Path.GetDirectoryName(RepoPaths.ModuleManifest)!, fileName),
                Path.Combine(Path.GetDirectoryName(typeof(BloomyCmdlet).Assembly.Location)!, fileName),
            }
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"{fileName} is neither in out/Bloomy nor beside the assembly");
        return XDocument.Load(path!).Root!.Element("members")!.Elements("member")
            .ToDictionary(m => (string)m.Attribute("name")!);
    }
}
