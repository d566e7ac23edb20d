using System.Management.Automation;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Gets the current scorecard week.</para>
/// <para type="description">Get-BloomyScorecardWeek returns the server's current scorecard week: its number (the WeekNumber that scores carry), start and end. -WeekOffset of Get-BloomyScorecard and Set-BloomyScore counts from this week.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyScorecardWeek</code>
///   <para>Shows the current week.</para>
/// </example>
/// <example>
///   <code>$week = Get-BloomyScorecardWeek; Get-BloomyScorecard | Where-Object WeekNumber -ge ($week.WeekNumber - 3)</code>
///   <para>Lists your scores of the last four weeks.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyScorecardWeek")]
[OutputType(typeof(ScorecardWeek))]
public sealed class GetBloomyScorecardWeekCommand : BloomyCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var client = ResolveConnection().Client;
        WriteObject(Run(ct => client.Scorecard.GetCurrentWeekAsync(ct)));
    }
}
