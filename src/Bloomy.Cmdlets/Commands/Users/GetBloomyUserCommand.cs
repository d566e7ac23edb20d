using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Users;

/// <summary>
/// <para type="synopsis">Gets Bloom Growth users: you, users by id, a search, or everyone in the organisation.</para>
/// <para type="description">Without parameters Get-BloomyUser returns the user the API key belongs to. -Id returns users by id (ids may come down the pipeline and are fetched concurrently, up to -ThrottleLimit at once). -Search finds users by name or e-mail; -All lists every user of the organisation with e-mail and position (placeholders for open seats only with -IncludePlaceholders); -Visible lists every user you can see as the server's own user list gives them (GET users/mineviewable: id, name and picture, no e-mail or position; placeholders again only with -IncludePlaceholders). -IncludeDirectReports and -IncludePositions add a user's direct reports and accountability-chart seats, fetched concurrently.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyUser</code>
///   <para>Returns the current user.</para>
/// </example>
/// <example>
///   <code>Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 10</code>
///   <para>Lists every user's open to-dos, ten users at a time.</para>
/// </example>
/// <example>
///   <code>Get-BloomyUser -Visible | Select-Object Id, Name</code>
///   <para>Lists the id and name of every user you can see, for an owner picker.</para>
/// </example>
/// <example>
///   <code>1001, 1002 | Get-BloomyUser -IncludeDirectReports</code>
///   <para>Gets two users with their direct reports.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyUser", DefaultParameterSetName = CurrentSet)]
[OutputType(typeof(User))]
public sealed class GetBloomyUserCommand : BloomyPipelineCmdlet
{
    private const string CurrentSet = "Current";
    private const string ByIdSet = "ById";
    private const string SearchSet = "Search";
    private const string AllSet = "All";
    private const string VisibleSet = "Visible";

    /// <summary>
    /// <para type="description">The ids of the users to get.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Text to search for in user names and e-mail addresses.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = SearchSet)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    public string Search { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">Lists every user of the organisation.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>
    /// <para type="description">Lists every user visible to you from the server's own list (GET users/mineviewable): id, name and picture only.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = VisibleSet)]
    public SwitchParameter Visible { get; set; }

    /// <summary>
    /// <para type="description">With -All or -Visible, also lists placeholder users (open seats without a person).</para>
    /// </summary>
    [Parameter(ParameterSetName = AllSet)]
    [Parameter(ParameterSetName = VisibleSet)]
    public SwitchParameter IncludePlaceholders { get; set; }

    /// <summary>
    /// <para type="description">Adds each user's direct reports (DirectReports property).</para>
    /// </summary>
    [Parameter(ParameterSetName = CurrentSet)]
    [Parameter(ParameterSetName = ByIdSet)]
    public SwitchParameter IncludeDirectReports { get; set; }

    /// <summary>
    /// <para type="description">Adds each user's accountability-chart seats (Positions property).</para>
    /// </summary>
    [Parameter(ParameterSetName = CurrentSet)]
    [Parameter(ParameterSetName = ByIdSet)]
    public SwitchParameter IncludePositions { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        bool reports = IncludeDirectReports.IsPresent, positions = IncludePositions.IsPresent;
        var directory = ActiveConnection.Users;
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (var id in Id)
                {
                    Queue(id, $"user {id}", async (client, ct) => await UserDirectory.CompleteAsync(
                        directory, await client.Users.GetAsync(id, reports, positions, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
                }
                break;
            case SearchSet:
                var term = Search;
                QueueMany(term, $"search '{term}'", (client, ct) => client.Users.SearchAsync(term, ct));
                break;
            case AllSet:
                var placeholders = IncludePlaceholders.IsPresent;
                QueueMany(null, "the user list", (client, ct) => client.Users.ListAsync(placeholders, ct));
                break;
            case VisibleSet:
                var includePlaceholders = IncludePlaceholders.IsPresent;
                QueueMany(null, "the users you can see", (client, ct) => client.Users.ListVisibleAsync(includePlaceholders, ct));
                break;
            default:
                Queue(null, "the current user", async (client, ct) => await UserDirectory.CompleteAsync(
                    directory, await client.Users.GetAsync(null, reports, positions, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
                break;
        }
    }
}
