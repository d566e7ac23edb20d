using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Whose items a Get- cmdlet lists for one record — yours, a user's or a meeting's — read from the parameter set
/// the record bound to. The cmdlets declare the parameters themselves (with their own help) under the set names
/// below; this turns what was bound into one list request per user or meeting.
/// </summary>
internal sealed class ListOwner
{
    /// <summary>Your own items; the default set of the cmdlets that list yours.</summary>
    public const string MineSet = "Mine";
    /// <summary>The items of the users piped from Get-BloomyUser.</summary>
    public const string ByUserSet = "ByUser";
    /// <summary>The items of users given by id.</summary>
    public const string ByUserIdSet = "ByUserId";
    /// <summary>The items of the meetings piped from Get-BloomyMeeting.</summary>
    public const string ByMeetingSet = "ByMeeting";
    /// <summary>The items of meetings given by id.</summary>
    public const string ByMeetingIdSet = "ByMeetingId";

    private ListOwner(object? target, long? userId, long? meetingId, string label)
    {
        Target = target;
        UserId = userId;
        MeetingId = meetingId;
        Label = label;
    }

    /// <summary>The pipeline item the list is for (the error target); null for your own list.</summary>
    public object? Target { get; }

    /// <summary>The user whose items to list; null for you or for a meeting.</summary>
    public long? UserId { get; }

    /// <summary>The meeting whose items to list; null for you or for a user.</summary>
    public long? MeetingId { get; }

    /// <summary>Names the work item in progress and error messages ("your to-dos", "to-dos of user 1002").</summary>
    public string Label { get; }

    /// <summary>
    /// The lists to request for the current record; empty when <paramref name="parameterSetName"/> is none of the
    /// sets above (the cmdlet's own sets, such as ById).
    /// </summary>
    /// <param name="parameterSetName">The set the record bound to.</param>
    /// <param name="listName">What is listed, in labels ("to-dos").</param>
    /// <param name="user">The user bound in ByUser.</param>
    /// <param name="userIds">The ids bound in ByUserId.</param>
    /// <param name="meeting">The meeting bound in ByMeeting.</param>
    /// <param name="meetingIds">The ids bound in ByMeetingId.</param>
    public static IEnumerable<ListOwner> FromBound(string parameterSetName, string listName,
        User? user = null, long[]? userIds = null, Meeting? meeting = null, long[]? meetingIds = null)
    {
        switch (parameterSetName)
        {
            case MineSet:
                return new[] { new ListOwner(null, null, null, $"your {listName}") };
            case ByUserSet:
                return new[] { new ListOwner(user!, user!.Id, null, $"{listName} of user {user.Id}") };
            case ByUserIdSet:
                return (userIds ?? Array.Empty<long>()).Select(id => new ListOwner(id, id, null, $"{listName} of user {id}")).ToList();
            case ByMeetingSet:
                return new[] { new ListOwner(meeting!, null, meeting!.Id, $"{listName} of meeting {meeting.Id}") };
            case ByMeetingIdSet:
                return (meetingIds ?? Array.Empty<long>()).Select(id => new ListOwner(id, null, id, $"{listName} of meeting {id}")).ToList();
            default:
                return Array.Empty<ListOwner>();
        }
    }
}
