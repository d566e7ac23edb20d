using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Completion;

/// <summary>
/// Completes goal status values (OnTrack, AtRisk, OffTrack, Complete), also for a -Status parameter typed as a
/// string, where PowerShell would offer nothing by itself.
/// </summary>
public sealed class GoalStatusCompleter : IArgumentCompleter
{
    /// <summary>Offers the status names that start with the word typed so far.</summary>
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
        return Enum.GetNames(typeof(GoalStatus))
            .Where(name => name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, Describe(name)))
            .ToList();
    }

    private static string Describe(string name) => (GoalStatus)Enum.Parse(typeof(GoalStatus), name) switch
    {
        GoalStatus.OnTrack => "The goal is on track.",
        GoalStatus.AtRisk => "The goal is at risk (off track).",
        _ => "The goal is complete.",
    };
}

/// <summary>Put on every goal status parameter (<c>-Status</c>): Tab offers OnTrack, AtRisk, OffTrack and Complete.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class GoalStatusCompletionAttribute : ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="GoalStatusCompleter"/>.</summary>
    public GoalStatusCompletionAttribute() : base(typeof(GoalStatusCompleter))
    {
    }
}
