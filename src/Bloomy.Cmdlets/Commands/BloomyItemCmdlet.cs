using System.Management.Automation;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Base of the cmdlets that act on existing items, given by id (the default set, ById) or as objects piped from the
/// matching Get- cmdlet (ByObject). The object parameter stays on the cmdlet, under the item's own name and type, so
/// only that type binds by value and a user or meeting object is never taken for a to-do or a goal; the cmdlet hands
/// it to this base through <see cref="BoundItem"/>.
/// </summary>
public abstract class BloomyItemCmdlet : BloomyPipelineCmdlet
{
    /// <summary>The default set: items given by id.</summary>
    protected const string ByIdSet = "ById";
    /// <summary>The items piped from the matching Get- cmdlet.</summary>
    protected const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">The ids of the items to act on, of the kind the cmdlet's name says: to-dos for Complete-BloomyTodo, goals for Remove-BloomyGoal, meetings for Remove-BloomyMeeting, and so on. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>What the items are called in descriptions ("to-do" gives "to-do 5001 'Call the bank'").</summary>
    protected abstract string ItemNoun { get; }

    /// <summary>
    /// The object bound in the ByObject set, its id, and the title that names it in descriptions; the title is null
    /// where the cmdlet names its items by id alone.
    /// </summary>
    protected abstract (object Item, long Id, string? Title) BoundItem { get; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByObjectSet)
        {
            var (item, id, title) = BoundItem;
            Act(item, id, Describe(id, title));
            return;
        }
        foreach (var id in Id) Act(id, id, Describe(id, null));
    }

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    /// <param name="target">The pipeline item (the error target).</param>
    /// <param name="id">The item's id.</param>
    /// <param name="description">Names the item in ShouldProcess messages, progress and errors ("goal 6001 'Title'", "goal 6001").</param>
    protected abstract void Act(object target, long id, string description);

    private string Describe(long id, string? title) => title is null ? $"{ItemNoun} {id}" : $"{ItemNoun} {id} '{title}'";
}
