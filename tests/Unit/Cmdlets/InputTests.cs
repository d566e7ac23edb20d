using System.Globalization;
using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Faults;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Cmdlets;

/// <summary>An emulator of its own for the input suite.</summary>
public sealed class InputFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 5 };
}

/// <summary>
/// How cmdlets take input (issue 10 points 7, 8, 11; issue 9 §3.5): ids are whole numbers, dates mean the same in
/// every culture, a change is read back only for -PassThru, exported rows pipe back in.
/// </summary>
public sealed class InputTests : FaultSuite, IClassFixture<InputFixture>
{
    public InputTests(InputFixture fixture, ITestOutputHelper output) : base(fixture, output)
    {
        Connect();
        Emulator.Stats.Reset();
    }

    [Theory]
    [InlineData("Complete-BloomyTodo -Id 50001.5", "Id", "50001.5")]
    [InlineData("Complete-BloomyTodo -Id '900002.5'", "Id", "900002.5")]
    [InlineData("Complete-BloomyTodo -Id '0xC351'", "Id", "0xC351")]
    [InlineData("Complete-BloomyTodo -Id '1.002e3'", "Id", "1.002e3")]
    [InlineData("Get-BloomyTodo -Id 5001.5", "Id", "5001.5")]
    [InlineData("Get-BloomyTodo -UserId 1001.5", "UserId", "1001.5")]
    [InlineData("Get-BloomyTodo -MeetingId '2001.0'", "MeetingId", "2001.0")]
    [InlineData("Get-BloomyUser -Id '0x3E9'", "Id", "0x3E9")]
    [InlineData("Get-BloomyMeeting -Id 2001.5", "Id", "2001.5")]
    [InlineData("Get-BloomyGoal -Id '6001e0'", "Id", "6001e0")]
    [InlineData("Get-BloomyGoal -UserId 1001.5", "UserId", "1001.5")]
    [InlineData("[pscustomobject]@{ OwnerId = '1001.5' } | Get-BloomyGoal", "UserId", "1001.5")]
    [InlineData("Get-BloomyMeeting -UserId 1001.5", "UserId", "1001.5")]
    [InlineData("Get-BloomyIssue -MeetingId 2001.5", "MeetingId", "2001.5")]
    [InlineData("Get-BloomyHeadline -UserId '1001.5'", "UserId", "1001.5")]
    [InlineData("Add-BloomyMeetingAttendee -MeetingId 2001.5 -UserId 1002", "MeetingId", "2001.5")]
    [InlineData("Set-BloomyTodo -Id 5001.5 -Title x", "Id", "5001.5")]
    [InlineData("Close-BloomyIssue -Id 7001.5", "Id", "7001.5")]
    [InlineData("Set-BloomyHeadline -Id 8001.5 -Title x", "Id", "8001.5")]
    [InlineData("Remove-BloomyMeeting -Id 2001.5 -Confirm:$false", "Id", "2001.5")]
    [InlineData("Restore-BloomyGoal -Id 6001.5", "Id", "6001.5")]
    [InlineData("Get-BloomyIssue -Id 7001.25", "Id", "7001.25")]
    [InlineData("Get-BloomyHeadline -Id '8001.5'", "Id", "8001.5")]
    [InlineData("Get-BloomyScorecard -MeasurableId 9001.5", "MeasurableId", "9001.5")]
    [InlineData("Set-BloomyScore -MeasurableId 9001.5 -Value 1", "MeasurableId", "9001.5")]
    [InlineData("Set-BloomyGoal -Id 6001 -OwnerId 1001.5 -Title x", "OwnerId", "1001.5")]
    [InlineData("New-BloomyTodo -Title x -MeetingId 2001.5", "MeetingId", "2001.5")]
    [InlineData("New-BloomyTodo -Title x -UserId '1001.5'", "OwnerId", "1001.5")]
    [InlineData("New-BloomyGoal -Title x -OwnerId '1001.5'", "OwnerId", "1001.5")]
    [InlineData("New-BloomyGoal -Title x -MeetingId 2001.5", "MeetingId", "2001.5")]
    [InlineData("New-BloomyIssue -Title x -MeetingId 2001 -OwnerId 1001.5", "OwnerId", "1001.5")]
    [InlineData("New-BloomyHeadline -Title x -MeetingId '2001.5'", "MeetingId", "2001.5")]
    [InlineData("New-BloomyMeeting -Title x -AttendeeId 1001, 1002.5", "AttendeeId", "1002.5")]
    [InlineData("Add-BloomyMeetingAttendee -MeetingId 2001 -UserId 1002.5", "UserId", "1002.5")]
    [InlineData("Remove-BloomyGoal -Id 6001.5 -Confirm:$false", "Id", "6001.5")]
    [InlineData("[pscustomobject]@{ Title = 'x'; MeetingId = '2001.5' } | New-BloomyTodo", "MeetingId", "2001.5")]
    [InlineData("[pscustomobject]@{ Title = 'x'; MeetingId = '0x7D1' } | New-BloomyGoal", "MeetingId", "0x7D1")]
    [InlineData("[pscustomobject]@{ Id = '5001.5' } | Complete-BloomyTodo", "Id", "5001.5")]
    [InlineData("[pscustomobject]@{ MeasurableId = '9001.5'; Value = 3 } | Set-BloomyScore", "MeasurableId", "9001.5")]
    public void An_id_that_is_not_a_whole_number_is_refused_naming_parameter_and_value_before_any_request(string script, string parameter, string value)
    {
        var result = Session.Run(script);

        var errors = result.Errors.Concat(result.TerminatingRecord is { } t ? [t] : []).ToList();
        var error = Assert.Single(errors);
        Assert.Contains(parameter, error.ToString());
        Assert.Contains(value, error.ToString());
        Assert.Empty(result.Output);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("ja-JP")]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void An_iso_due_date_means_the_same_in_every_culture(string culture)
    {
        var script = $$"""
            [System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo('{{culture}}')
            New-BloomyTodo -Title 'param' -DueDate '2026-12-01'
            [pscustomobject]@{ Title = 'row'; DueDate = '2026-12-02' } | New-BloomyTodo
            New-BloomyTodo -Title 'time' -DueDate '2026-12-03T09:30:00' | Set-BloomyTodo -DueDate '2026-12-04' -PassThru
            """;
        var result = Session.Run(script);

        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        var todos = result.OutputOf<Todo>().ToList();
        Assert.Equal(3, todos.Count);
        Assert.Equal(new DateTime(2026, 12, 1), todos[0].DueDate!.Value.Date);
        Assert.Equal(new DateTime(2026, 12, 2), todos[1].DueDate!.Value.Date);
        Assert.Equal(new DateTime(2026, 12, 4), todos[2].DueDate!.Value.Date);
    }

    [Theory]
    [InlineData("Complete-BloomyTodo -Id {todo}", "was completed")]
    [InlineData("Set-BloomyTodo -Id {todo} -DueDate 2026-12-24", "was changed")]
    [InlineData("Close-BloomyIssue -Id {issue}", "was closed")]
    [InlineData("Set-BloomyIssue -Id {issue} -Title 'renamed'", "was changed")]
    [InlineData("Set-BloomyHeadline -Id {headline} -Title 'renamed'", "was changed")]
    [InlineData("Set-BloomyGoal -Id {goal} -Status AtRisk", "was changed")]
    [InlineData("Restore-BloomyGoal -Id {goal}", "was restored")]
    public void A_change_reads_back_only_for_PassThru_and_a_failed_read_back_says_it_was_applied(string command, string done)
    {
        var script = command
            .Replace("{todo}", Emulator.Store.Todos.First(t => !t.Complete).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{issue}", Emulator.Store.Issues.First(i => i.CloseTime is null).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{headline}", Emulator.Store.Headlines.First().Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{goal}", Emulator.Store.Goals.First().Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Emulator.Faults.FailNext(10, 500, "GET");

        var plain = Session.Run(script);
        Assert.Empty(plain.Errors);
        Assert.DoesNotContain(Emulator.Stats.Requests, r => r.Method == "GET");

        var passThru = Session.Run(script + " -PassThru");
        var error = Assert.Single(passThru.Errors);
        Assert.Equal("Bloomy.ReadBackFailed", ErrorId(error));
        Assert.Contains($" {done}, but reading it back failed: ", error.ToString());
        Emulator.Faults.Reset();
    }

    [Fact]
    public void Without_PassThru_nothing_is_read_back_and_a_failed_read_back_says_the_change_was_applied()
    {
        var todo = Emulator.Store.Todos.First(t => !t.Complete);
        Emulator.Faults.FailNext(5, 500, "GET", "todo/{id}");

        var plain = Session.Run($"Complete-BloomyTodo -Id {todo.Id}");
        Assert.Empty(plain.Errors);
        Assert.True(Emulator.Store.FindTodo(todo.Id)!.Complete);
        Assert.DoesNotContain(Emulator.Stats.Requests, r => r.Method == "GET");

        var other = Emulator.Store.Todos.First(t => !t.Complete);
        var passThru = Session.Run($"Set-BloomyTodo -Id {other.Id} -Title 'renamed' -PassThru");
        var error = Assert.Single(passThru.Errors);
        Assert.Equal("Bloomy.ReadBackFailed", ErrorId(error));
        Assert.StartsWith($"to-do {other.Id} was changed, but reading it back failed: ", error.ToString());
        Assert.Equal("renamed", Emulator.Store.FindTodo(other.Id)!.Title);
        Emulator.Faults.Reset();
    }

    [Fact]
    public void New_BloomyMeeting_reports_an_unusable_attendee_cell_for_its_row_in_input_order()
    {
        Emulator.Latency = TimeSpan.FromMilliseconds(30);
        var result = Session.Run("""
            @([pscustomobject]@{ Title = 'm1'; AttendeeId = '1002' },
              [pscustomobject]@{ Title = 'm2'; AttendeeId = '1002.5' },
              [pscustomobject]@{ Title = 'm3'; AttendeeId = '' }) | New-BloomyMeeting -ThrottleLimit 4 2>&1
            """);

        Assert.Equal(3, result.Output.Count);
        Assert.IsType<CreatedMeeting>(result.Output[0]);
        var error = Assert.IsType<ErrorRecord>(result.Output[1]);
        Assert.Contains("AttendeeId '1002.5'", error.ToString());
        Assert.IsType<CreatedMeeting>(result.Output[2]);
        Assert.DoesNotContain(Emulator.Store.Meetings, m => m.Name == "m2");
    }

    [Theory]
    [InlineData("New-BloomyGoal", "MeetingId")]
    [InlineData("New-BloomyIssue", "MeetingId")]
    [InlineData("New-BloomyHeadline", "MeetingId")]
    [InlineData("New-BloomyTodo", "DueDate")]
    [InlineData("New-BloomyIssue", "OwnerId")]
    public void An_unusable_cell_in_a_mandatory_or_optional_column_is_reported_in_input_order(string cmdlet, string column)
    {
        Emulator.Latency = TimeSpan.FromMilliseconds(30);
        var result = Session.Run($$"""
            1..8 | ForEach-Object {
                $row = [ordered]@{ Title = "order $_"; MeetingId = '2001'; DueDate = '2026-12-01'; OwnerId = '1001' }
                if ($_ -eq 6) { $row['{{column}}'] = '2001.5' }
                [pscustomobject]$row
            } | {{cmdlet}} -ThrottleLimit 8 2>&1
            """);

        Assert.Equal(8, result.Output.Count);
        for (var i = 0; i < 8; i++)
        {
            if (i == 5)
            {
                var error = Assert.IsType<ErrorRecord>(result.Output[i]);
                Assert.Contains($"{column} '2001.5'", error.ToString());
            }
            else
            {
                Assert.IsNotType<ErrorRecord>(result.Output[i]);
            }
        }
    }

    [Fact]
    public void Set_BloomyScore_reports_an_unusable_cell_for_its_row_instead_of_dropping_it()
    {
        var measurable = Emulator.Store.Measurables.First();
        var result = Session.Run($$"""
            @([pscustomobject]@{ MeasurableId = '{{measurable.Id}}'; Value = '5'; WeekOffset = 'abc' },
              [pscustomobject]@{ MeasurableId = '{{measurable.Id}}.5'; Value = '6' },
              [pscustomobject]@{ MeasurableId = '{{measurable.Id}}'; Value = '7'; WeekOffset = '' }) | Set-BloomyScore
            """);

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("WeekOffset 'abc'", result.Errors[0].ToString());
        Assert.Contains($"MeasurableId '{measurable.Id}.5'", result.Errors[1].ToString());
        Assert.Single(Emulator.Stats.Requests, r => r.Method is "POST" or "PUT");
    }

    [Fact]
    public async Task Disconnect_from_another_runspace_mid_pipeline_is_one_terminating_Disconnected_error()
    {
        var connection = Session.Run("Get-BloomyConnection").ThrowIfFailed().Output.Single();
        using var other = new PowerShellSession();
        other.Set("c", connection);
        Emulator.Latency = TimeSpan.FromMilliseconds(20);

        var run = Task.Run(() => Session.Run("1..300 | ForEach-Object { 5001 } | Get-BloomyTodo -ThrottleLimit 4"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Emulator.Stats.TotalRequests < 20 && DateTime.UtcNow < deadline) await Task.Delay(10);
        other.Run("Disconnect-Bloomy -Connection $c").ThrowIfFailed();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.DoesNotContain(result.Errors, e => ErrorId(e) == "Bloomy.Unexpected");
        Assert.True(result.Errors.Count == 0, $"{result.Errors.Count} error records: {string.Join(" | ", result.Errors.Select(e => ErrorId(e) + ": " + e))}");
        Assert.NotNull(result.TerminatingRecord);
        Assert.Equal("Bloomy.Disconnected", ErrorId(result.TerminatingRecord!));
        Assert.Contains("Disconnect-Bloomy", result.TerminatingRecord!.ToString());
    }
}
