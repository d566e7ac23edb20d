using System.Management.Automation;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Cmdlets.Commands.Headlines;

/// <summary>
/// <para type="synopsis">Changes headlines: title, owner, notes, or archived state.</para>
/// <para type="description">Set-BloomyHeadline gives headlines a new -Title, hands them to another owner (-OwnerId), replaces their notes (-Notes; line breaks are kept) and archives them (-Archived) or restores them (-Archived:$false, the same as Restore-BloomyHeadline). Pipe headlines from Get-BloomyHeadline, or give their ids with -Id; only headline objects bind from the pipeline, so a user or meeting object can never be taken for a headline. At least one change is required. -Title goes over the REST API; -OwnerId, -Notes and -Archived over the GraphQL API, which alone can make those changes. When one call gives both kinds, both are made for each headline, REST first; if either fails, one error names the headline and says which part was applied. Headlines are changed concurrently, up to -ThrottleLimit at once. With -PassThru, returns each headline as it is after the change.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyHeadline -Id 8001 -Title 'Closed our two biggest deals'</code>
///   <para>Renames one headline.</para>
/// </example>
/// <example>
///   <code>Get-BloomyHeadline -Id 8001 | Set-BloomyHeadline -Title 'Deal signed' -PassThru</code>
///   <para>Renames a piped headline and returns it as changed.</para>
/// </example>
/// <example>
///   <code>Get-BloomyHeadline -MeetingId 2001 | Set-BloomyHeadline -Archived</code>
///   <para>Archives every open headline of a meeting.</para>
/// </example>
/// <example>
///   <code>Set-BloomyHeadline -Id 8001 -OwnerId 1002 -Notes "Signed on Friday`nKick-off next week"</code>
///   <para>Hands a headline to another owner and replaces its notes with two lines.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyHeadline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Headline))]
public sealed class SetBloomyHeadlineCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Headlines (from Get-BloomyHeadline) to rename.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Headline))]
    public Headline? Headline { get; set; }

    /// <summary>
    /// <para type="description">The new title.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    public string? Title { get; set; }

    /// <summary>
    /// <para type="description">The id of the new owner (sent over GraphQL).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    [Alias("UserId")]
    [UserIdCompletion]
    [IdTransformation]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">The new notes, as plain text; line breaks are kept. They replace the old notes (sent over GraphQL).</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public string? Notes { get; set; }

    /// <summary>
    /// <para type="description">-Archived archives the headlines; -Archived:$false restores archived headlines (sent over GraphQL).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Archived { get; set; }

    /// <summary>
    /// <para type="description">Returns each changed headline.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Title is null && !UsesGraphQL)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("At least one change must be provided: give -Title, -OwnerId, -Notes or -Archived."),
                "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        base.BeginProcessing();
    }

    /// <summary>
    /// <para type="description">The ids of the headlines to change. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    [HeadlineIdCompletion]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("headline", Id, ParameterSetName == ByObjectSet ? (Headline!, Headline!.Id, null) : null, Act);

    private bool ArchivedGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Archived));

    // -OwnerId, -Notes and -Archived exist only over GraphQL (bloom-api-extras.md §13).
    private bool UsesGraphQL => OwnerId is not null || Notes is not null || ArchivedGiven;

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        string? title = Title;
        if (!UsesGraphQL)
        {
            if (!ShouldProcess(description, "Rename")) return;
            QueueChange(PassThru.IsPresent, target, description, "was changed",
                (client, ct) => client.Headlines.SendUpdateAsync(id, title!, ct), (client, ct) => client.Headlines.GetAsync(id, ct));
            return;
        }
        if (!ShouldProcess(description, "Update")) return;
        var change = new HeadlineChange { OwnerId = OwnerId, Notes = Notes, Archived = ArchivedGiven ? Archived.IsPresent : null };
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => ApplyAsync(client, id, description, title, change, ct), (client, ct) => client.Headlines.GetWithNotesAsync(id, ct));
    }

    /// <summary>The REST part (title) first, then the GraphQL part; a failure of the second says the first was applied.</summary>
    private static async Task ApplyAsync(BloomyClient client, long id, string description, string? title, HeadlineChange change,
        CancellationToken ct)
    {
        if (title is null)
        {
            await client.Headlines.SendChangeAsync(id, change, ct).ConfigureAwait(false);
            return;
        }
        await client.Headlines.SendUpdateAsync(id, title, ct).ConfigureAwait(false);
        try
        {
            await client.Headlines.SendChangeAsync(id, change, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var parts = new List<string>();
            if (change.OwnerId is not null) parts.Add("the owner change");
            if (change.Notes is not null) parts.Add("the notes");
            if (change.Archived is bool archive) parts.Add(archive ? "archiving" : "restoring");
            throw new PartlyAppliedException(
                $"{description}: the title was changed, but {string.Join(" and ", parts)} failed: {ex.Message}", ex);
        }
    }
}
