using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Base of the Get- cmdlets that list whose items: yours (the default set, Mine), a user's from a user object
/// (ByUser) or from user ids (ByUserId). A user object binds by value and ids bind by property name, so a user
/// never binds as one of the cmdlet's other sets; those the cmdlet handles in <see cref="ProcessOtherSet"/>.
/// </summary>
public abstract class BloomyUserListCmdlet : BloomyPipelineCmdlet
{
    /// <summary>The default set: the current user's items.</summary>
    protected const string MineSet = "Mine";
    /// <summary>The items of the users piped from Get-BloomyUser.</summary>
    protected const string ByUserSet = "ByUser";
    /// <summary>The items of users given by id.</summary>
    protected const string ByUserIdSet = "ByUserId";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose items to list: their to-dos for Get-BloomyTodo, their goals for Get-BloomyGoal, and so on.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of users whose items to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public virtual long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>What the cmdlet lists, in the labels of its work items ("to-dos" gives "your to-dos", "to-dos of user 1002").</summary>
    protected abstract string ListName { get; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!TryQueueList()) ProcessOtherSet();
    }

    /// <summary>Queues the current record when it is bound to one of the list sets; false for the cmdlet's other sets.</summary>
    protected virtual bool TryQueueList()
    {
        switch (ParameterSetName)
        {
            case MineSet:
                QueueForUser(null, null, $"your {ListName}");
                return true;
            case ByUserSet:
                QueueForUser(User!, User!.Id, $"{ListName} of user {User.Id}");
                return true;
            case ByUserIdSet:
                foreach (var id in UserId) QueueForUser(id, id, $"{ListName} of user {id}");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Queues the list of one user's items.</summary>
    /// <param name="target">The pipeline item the list is for (the error target); null for your own list.</param>
    /// <param name="userId">The user; null means you.</param>
    /// <param name="label">Names the work item in progress and error messages.</param>
    protected abstract void QueueForUser(object? target, long? userId, string label);

    /// <summary>Processes a record bound to one of the cmdlet's own parameter sets, such as ById.</summary>
    protected abstract void ProcessOtherSet();
}
