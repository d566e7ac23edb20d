using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Goals;

/// <summary>
/// <para type="synopsis">Gets goals (rocks): yours, a user's, or goals by id.</para>
/// <para type="description">Without parameters Get-BloomyGoal returns your active goals. Users (from Get-BloomyUser) or -UserId give a user's goals; -Id gets goals by id. -IncludeArchived adds the archived goals after the active ones. A user object always binds as a user, never as a goal id; objects with a UserId property (such as CSV rows) bind by that property. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each user's goals come out together, in input order. -IncludeNotes fills each goal's Notes (one more request per goal, over GraphQL, several at once); without it Notes stays empty.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyGoal</code>
///   <para>Lists your active goals.</para>
/// </example>
/// <example>
///   <code>Get-BloomyUser -All | Get-BloomyGoal -IncludeArchived -ThrottleLimit 10</code>
///   <para>Lists every user's active and archived goals, ten users at a time.</para>
/// </example>
/// <example>
///   <code>Get-BloomyGoal -Id 6001, 6002</code>
///   <para>Gets two goals by id.</para>
/// </example>
/// <example>
///   <code>Get-BloomyGoal -IncludeNotes | Format-List Title, Notes</code>
///   <para>Shows your goals with their notes.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyGoal", DefaultParameterSetName = ListOwner.MineSet)]
[OutputType(typeof(Goal))]
public sealed class GetBloomyGoalCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose goals to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    // Goal rows name their user OwnerId.
    /// <summary>
    /// <para type="description">The ids of users whose goals to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("OwnerId")]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of the goals to get.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [GoalIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Also lists archived goals (one more request per user, after the active goals).</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.MineSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserIdSet)]
    public SwitchParameter IncludeArchived { get; set; }

    /// <summary>
    /// <para type="description">Also reads each goal's notes into its Notes property (one more request per goal, over GraphQL; off by default).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeNotes { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var includeArchived = IncludeArchived.IsPresent;
        var includeNotes = IncludeNotes.IsPresent;
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "goals", User, UserId))
        {
            QueueMany(owner.Target, owner.Label, async (client, ct) =>
            {
                var goals = await client.Goals.ListAsync(owner.UserId, includeArchived, ct).ConfigureAwait(false);
                return includeNotes ? await WithNotesAsync(client, goals, ct).ConfigureAwait(false) : goals;
            });
        }
        if (ParameterSetName != ByIdSet) return;
        foreach (var id in Id)
        {
            Queue(id, $"goal {id}", async (client, ct) =>
            {
                var goal = await client.Goals.GetAsync(id, ct).ConfigureAwait(false);
                return includeNotes ? goal.WithNotes(await client.Goals.GetNotesAsync(id, ct).ConfigureAwait(false)) : goal;
            });
        }
    }

    // The notes of every goal, read concurrently (the connection's cap bounds them).
    private static async Task<IReadOnlyList<Goal>> WithNotesAsync(Bloomy.Client.BloomyClient client, IReadOnlyList<Goal> goals, CancellationToken ct)
    {
        var notes = await Task.WhenAll(goals.Select(g => client.Goals.GetNotesAsync(g.Id, ct))).ConfigureAwait(false);
        return goals.Select((g, i) => g.WithNotes(notes[i])).ToList();
    }
}
