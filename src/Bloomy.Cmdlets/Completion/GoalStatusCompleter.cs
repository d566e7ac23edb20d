using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Completion;

/// <summary>
/// Completes goal status values (OnTrack, AtRisk, OffTrack, Complete) with what each means, also for a -Status
/// parameter typed as a string, where PowerShell would offer nothing by itself. A parameter that also had
/// [ValidateSet] would show only the bare names (PowerShell completes a ValidateSet itself and never asks this
/// completer), so such parameters validate with <see cref="ValidateGoalStatusAttribute"/> instead.
/// </summary>
public sealed class GoalStatusCompleter : IArgumentCompleter
{
    /// <summary>The statuses offered, in the order a person scans them, with what each means.</summary>
    internal static readonly IReadOnlyList<KeyValuePair<string, string>> Statuses = new[]
    {
        new KeyValuePair<string, string>(nameof(GoalStatus.OnTrack), "On track"),
        new KeyValuePair<string, string>(nameof(GoalStatus.AtRisk), "At risk (off track)"),
        new KeyValuePair<string, string>(nameof(GoalStatus.OffTrack), "Off track: the same as AtRisk"),
        new KeyValuePair<string, string>(nameof(GoalStatus.Complete), "Complete (done)"),
    };

    /// <summary>Offers the status names that start with the word typed so far, each with what it means.</summary>
    /// <param name="commandName">The command being completed.</param>
    /// <param name="parameterName">The parameter being completed.</param>
    /// <param name="wordToComplete">What was typed so far.</param>
    /// <param name="commandAst">The command's syntax tree.</param>
    /// <param name="fakeBoundParameters">The parameters bound so far.</param>
    /// <returns>The matching status names.</returns>
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        return Statuses
            .Where(status => status.Key.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(status => new CompletionResult(status.Key, $"{status.Key} - {status.Value}", CompletionResultType.ParameterValue, status.Value))
            .ToList();
    }
}

/// <summary>
/// Validates a goal status given as text: the names Tab offers (OnTrack, AtRisk, OffTrack, Complete) and the
/// SDK words On and Off, in any case. Used instead of [ValidateSet], which would hide the completer's descriptions.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateGoalStatusAttribute : ValidateArgumentsAttribute
{
    private static readonly string[] Accepted = { "OnTrack", "OffTrack", "AtRisk", "Complete", "On", "Off" };

    /// <summary>Throws unless <paramref name="arguments"/> is one of the accepted words.</summary>
    /// <param name="arguments">The value given.</param>
    /// <param name="engineIntrinsics">The engine.</param>
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is string text && Accepted.Contains(text, StringComparer.OrdinalIgnoreCase)) return;
        throw new ValidationMetadataException(
            $"'{arguments}' is not a goal status. Use one of: {string.Join(", ", Accepted)}.");
    }
}

/// <summary>Put on every goal status parameter (<c>-Status</c>): Tab offers OnTrack, AtRisk, OffTrack and Complete, each with what it means.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class GoalStatusCompletionAttribute : ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="GoalStatusCompleter"/>.</summary>
    public GoalStatusCompletionAttribute() : base(typeof(GoalStatusCompleter))
    {
    }
}
