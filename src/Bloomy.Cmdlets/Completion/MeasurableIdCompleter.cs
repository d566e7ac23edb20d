using System.Globalization;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>Completes measurable ids with the measurables of the current user's scorecard, listed by title.</summary>
public sealed class MeasurableIdCompleter : ApiListCompleter<ScorecardItem>
{
    private protected override ExpiringCache<ScorecardItem> ListOf(BloomyConnection connection) => connection.Measurables;

    private protected override long IdOf(ScorecardItem item) => item.MeasurableId;

    private protected override string NameOf(ScorecardItem item) => item.Title;

    private protected override string ToolTipOf(ScorecardItem item) =>
        string.Format(CultureInfo.CurrentCulture, "Measurable {0}: {1}{2}", item.MeasurableId, item.Title, item.Target is null ? "" : $" (target {item.Target})");
}

/// <summary>
/// Put on every measurable id parameter (<c>-MeasurableId</c>): Tab offers the measurables of the current user's scorecard of the connection in use.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MeasurableIdCompletionAttribute : System.Management.Automation.ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="MeasurableIdCompleter"/>.</summary>
    public MeasurableIdCompletionAttribute() : base(typeof(MeasurableIdCompleter))
    {
    }
}
