using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bloomy.Client.Models;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Ux;

/// <summary>Bloomy.Format.ps1xml: a view for every output type, and objects print through it.</summary>
public sealed class FormatTests : IDisposable
{
    private static readonly string FormatFile = Path.Combine(RepoPaths.Root, "out", "Bloomy", "Bloomy.Format.ps1xml");
    private readonly HostedConsole _console = new();

    public void Dispose() => _console.Dispose();

    /// <summary>The output types of every cmdlet in the module, plus every model the client returns.</summary>
    public static TheoryData<string> OutputTypes()
    {
        var types = new TheoryData<string>();
        var fromCmdlets = typeof(Bloomy.Cmdlets.Commands.BloomyCmdlet).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null)
            .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
            .SelectMany(a => a.Type)
            .Select(n => n.Type)
            .Where(t => t is not null && t != typeof(void));
        var models = new[]
        {
            typeof(User), typeof(UserPosition), typeof(Meeting), typeof(MeetingDetails), typeof(CreatedMeeting), typeof(Todo),
            typeof(Issue), typeof(Goal), typeof(Measurable), typeof(ScorecardItem), typeof(ScorecardWeek), typeof(Headline),
            typeof(Bloomy.Cmdlets.Connections.BloomyConnection),
        };
        foreach (var name in fromCmdlets.Concat(models).Select(t => t!.FullName!).Distinct()) types.Add(name);
        return types;
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void Every_output_type_has_a_view_and_prints_through_it(string typeName)
    {
        var view = DefaultView(typeName);
        Assert.True(view is not null, $"Bloomy.Format.ps1xml has no view for {typeName}");

        var type = typeof(Bloomy.Cmdlets.Commands.BloomyCmdlet).Assembly.GetType(typeName)
            ?? typeof(Todo).Assembly.GetType(typeName)!;
        if (type.GetConstructor(Type.EmptyTypes) is null) return; // connections are printed from a live connection in ConnectionTests
        var text = _console.Print("$args[0]", Activator.CreateInstance(type)!);

        if (view.Value.IsTable)
        {
            Assert.Matches(string.Join(@"\s+", view.Value.Labels.Select(Regex.Escape)), text);
            Assert.True(view.Value.Labels.Count is >= 2 and <= 6, $"{typeName}'s table has {view.Value.Labels.Count} columns");
        }
        else
        {
            Assert.All(view.Value.Labels, label => Assert.Matches(new Regex($@"^{Regex.Escape(label)}\s*:", RegexOptions.Multiline), text));
        }
    }

    [Fact]
    public void A_todo_prints_as_a_row_with_owner_due_date_and_done()
    {
        var todo = new Todo
        {
            Id = 5001, Title = "Call Ada", OwnerName = "Grace Hopper", DueDate = new DateTime(2026, 12, 1),
            Complete = true, MeetingName = "Leadership L10", DetailsUrl = "https://example.invalid/pad",
        };

        var text = _console.Print("$args[0]", todo);

        Assert.Matches(@"Id\s+Title\s+Owner\s+DueDate\s+Done\s+Meeting", text);
        Assert.Matches(@"5001\s+Call Ada\s+Grace Hopper\s+2026-12-01\s+True\s+Leadership L10", text);
        Assert.DoesNotContain("example.invalid", text);
    }

    [Fact]
    public void Meeting_details_print_as_a_list_naming_attendees_and_items()
    {
        var details = new MeetingDetails
        {
            Id = 2001, Name = "Leadership L10",
            Attendees = new[] { new User { Id = 1, Name = "Ada Lovelace" }, new User { Id = 2, Name = "Grace Hopper" } },
            Issues = new[] { new Issue { Id = 3, Title = "Churn is rising" } },
            Todos = new[] { new Todo { Id = 4, Title = "Call Ada" } },
        };

        var text = _console.Print("$args[0]", details);

        Assert.Matches(new Regex(@"^Attendees\s*: Ada Lovelace, Grace Hopper", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^Issues\s*: Churn is rising", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^Todos\s*: Call Ada", RegexOptions.Multiline), text);
    }

    private static (bool IsTable, IReadOnlyList<string> Labels)? DefaultView(string typeName)
    {
        var view = XDocument.Load(FormatFile).Descendants("View")
            .FirstOrDefault(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Any(t => t.Value == typeName));
        if (view is null) return null;
        if (view.Element("TableControl") is { } table)
        {
            return (true, table.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value).ToList());
        }
        return (false, view.Descendants("ListItem").Select(i => (i.Element("Label") ?? i.Element("PropertyName"))!.Value).ToList());
    }
}
