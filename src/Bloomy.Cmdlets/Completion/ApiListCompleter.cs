using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using Bloomy.Client;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>
/// Completes an id parameter from a list the API returns (meetings, users), cached on the connection the
/// command would use: its -Connection when that is already known, else the session's default. Completion
/// never connects and never fails: without a connection, or when the API is slow or down, it offers nothing.
/// </summary>
public abstract class ApiListCompleter<T> : IArgumentCompleter
{
    /// <summary>How long completion waits for the list before it gives up.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>The cached list on a connection.</summary>
    private protected abstract ExpiringCache<T> ListOf(BloomyConnection connection);

    /// <summary>The cached list for what is bound so far (e.g. the milestones of the -GoalId given); null offers nothing.</summary>
    private protected virtual ExpiringCache<T>? ListOf(BloomyConnection connection, IDictionary fakeBoundParameters) => ListOf(connection);

    /// <summary>The id that completes the parameter.</summary>
    private protected abstract long IdOf(T item);

    /// <summary>The name shown in the completion list, which is also matched against what was typed.</summary>
    private protected abstract string NameOf(T item);

    /// <summary>Further text that may match what was typed (such as an e-mail address).</summary>
    private protected virtual string? AlsoMatchOf(T item) => null;

    /// <summary>The tool tip of a completion.</summary>
    private protected abstract string ToolTipOf(T item);

    /// <summary>Offers the ids whose id starts with, or whose name contains, the word typed so far.</summary>
    /// <param name="commandName">The command being completed.</param>
    /// <param name="parameterName">The parameter being completed.</param>
    /// <param name="wordToComplete">What was typed so far.</param>
    /// <param name="commandAst">The command's syntax tree.</param>
    /// <param name="fakeBoundParameters">The parameters bound so far, where they could be evaluated safely.</param>
    /// <returns>The completions, ordered by name.</returns>
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var connection = FindConnection(fakeBoundParameters);
        if (connection is null || connection.IsDisconnected) return Array.Empty<CompletionResult>();

        IReadOnlyList<T> items;
        using (var patience = new CancellationTokenSource(Patience))
        {
            try
            {
                if (ListOf(connection, fakeBoundParameters) is not { } list) return Array.Empty<CompletionResult>();
                items = list.GetAsync(patience.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is BloomyException or OperationCanceledException or ObjectDisposedException)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        var word = (wordToComplete ?? "").Trim('\'', '"');
        return items
            .Where(item => Matches(item, word))
            .OrderBy(NameOf, StringComparer.CurrentCultureIgnoreCase)
            .Select(item =>
            {
                var id = IdOf(item).ToString(CultureInfo.InvariantCulture);
                var name = NameOf(item);
                return new CompletionResult(id, name.Length == 0 ? id : $"{name} ({id})", CompletionResultType.ParameterValue, ToolTipOf(item));
            })
            .ToList();
    }

    private bool Matches(T item, string word) =>
        word.Length == 0
        || IdOf(item).ToString(CultureInfo.InvariantCulture).StartsWith(word, StringComparison.Ordinal)
        || NameOf(item).IndexOf(word, StringComparison.CurrentCultureIgnoreCase) >= 0
        || (AlsoMatchOf(item)?.IndexOf(word, StringComparison.CurrentCultureIgnoreCase) ?? -1) >= 0;

    private static BloomyConnection? FindConnection(IDictionary fakeBoundParameters)
    {
        var given = fakeBoundParameters?["Connection"];
        if ((given is PSObject wrapped ? wrapped.BaseObject : given) is BloomyConnection explicitConnection) return explicitConnection;
        return Runspace.DefaultRunspace is { } runspace ? ConnectionStore.GetDefault(runspace) : null;
    }
}
