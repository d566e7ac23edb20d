namespace Bloomy.Emulator;

/// <summary>Deterministic seed data (System.Random(seed)); see the README section of the report for the facts tests rely on.</summary>
internal static class EmulatorSeed
{
    internal const int PlaceholderCount = 3;
    internal const int PastWeeks = 13;

    internal static readonly string[] MeetingNames =
    [
        "Leadership L10", "Sales Weekly", "Marketing L10", "Operations L10", "Finance L10", "Product L10",
        "Customer Success L10", "Engineering L10", "People L10", "Partnerships L10", "Support L10", "Quality L10",
    ];

    private static readonly string[] FirstNames =
    [
        "Cleo", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam", "Maya", "Nico", "Olga",
        "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wes", "Xena", "Yusuf", "Zoe", "Álvaro", "Björn",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ivanova", "Jensen", "Khan",
        "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Quist", "Rossi", "Silva", "Tanaka", "Usman", "Vogel",
        "Weber", "Young", "Zhang", "Müller",
    ];

    internal static readonly string[] Positions =
    [
        "Integrator", "Visionary", "Sales Lead", "Marketing Lead", "Operations Manager", "Finance Lead",
        "Engineer", "Customer Success", "Account Executive", "Product Manager",
    ];

    private static readonly string[] TodoTitles =
    [
        "Send Q3 plan", "Call the bank", "Review pricing page", "Update the hiring plan", "Draft board memo",
        "Book offsite venue", "Follow up with Acme", "Fix onboarding email", "Prepare budget review",
        "Renew insurance", "Clean up CRM pipeline", "Write release notes", "Schedule 1:1s", "Audit expenses",
    ];

    private static readonly string[] IssueTitles =
    [
        "Churn is rising", "Hiring is slow", "Lead quality dropped", "Support backlog growing", "Cash runway",
        "Website conversion is flat", "Too many meetings", "Unclear ownership of billing", "Vendor delays",
    ];

    private static readonly string[] RockTitles =
    [
        "Launch v2 pricing", "Hire two AEs", "Close 10 new logos", "Ship the mobile app", "Cut churn to 2%",
        "Document core processes", "Roll out the new CRM", "Open the Berlin office", "Raise NPS to 60",
    ];

    private static readonly (string Title, string Direction, string Unit, int Target)[] MeasurableTemplates =
    [
        ("Weekly revenue", ">=", "Dollar", 100000), ("New logos", ">=", "Number", 5), ("Churned accounts", "<=", "Number", 2),
        ("Qualified leads", ">=", "Number", 40), ("Support tickets open", "<=", "Number", 25), ("Gross margin", ">=", "Percent", 60),
        ("Cash in bank", ">=", "Dollar", 500000), ("Demos booked", ">=", "Number", 12), ("On-time delivery", ">=", "Percent", 95),
    ];

    private static readonly string[] HeadlineTitles =
    [
        "Closed our biggest deal", "New hire starts Monday", "Customer shout-out from Acme", "Office move is done",
        "Record week for demos", "Server costs down 20%", "Won the regional award", "Release 3.2 shipped",
    ];

    /// <summary>The seeded meeting that no one attends and everyone sees (the last seeded meeting id).</summary>
    internal const string VisibleMeetingName = "Company All-Hands";

    internal static int MeetingCount(int users) => Math.Clamp(users / 5, 2, MeetingNames.Length);

    /// <summary>The meeting a real user (index i, 0-based) attends first: 2001 for Ada, else 2002 + ((i-1) mod (M-1)).</summary>
    internal static long PrimaryMeeting(int index, int meetings) => index == 0 ? 2001 : 2002 + ((index - 1) % (meetings - 1));

    internal static void Populate(EmulatorStore s, int users, int seed, DateTime utcNow)
    {
        var rnd = new Random(seed);
        var today = DateTime.SpecifyKind(utcNow.Date, DateTimeKind.Utc);
        int meetings = MeetingCount(users);

        // ---- users ----
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Ada Park", "Ben Ortiz" };
        for (int i = 0; i < users; i++)
        {
            long id = 1001 + i;
            string name, email, position;
            if (i == 0) { name = "Ada Park"; email = "ada@example.com"; position = "Integrator"; }
            else if (i == 1) { name = "Ben Ortiz"; email = "ben.ortiz@example.com"; position = "Visionary"; }
            else
            {
                string first, last;
                int tries = 0;
                do
                {
                    first = FirstNames[rnd.Next(FirstNames.Length)];
                    last = LastNames[rnd.Next(LastNames.Length)];
                    if (++tries > 20) { last += " " + id.ToString(System.Globalization.CultureInfo.InvariantCulture); break; }
                } while (!names.Add(first + " " + last));
                name = first + " " + last;
                email = (Ascii(first) + "." + Ascii(last).Replace(" ", "", StringComparison.Ordinal) + "@example.com").ToLowerInvariant();
                position = Positions[2 + rnd.Next(Positions.Length - 2)];
            }
            int posIndex = Array.IndexOf(Positions, position);
            var seats = new List<EmulatorSeat> { new(300000 + id * 10, 71 + posIndex, position) };
            if (i == 0) seats.Add(new EmulatorSeat(300000 + id * 10 + 1, 99, null));
            s.AddUser(new EmulatorUser
            {
                Id = id, Name = name, Email = email, ImageUrl = $"https://s3.example/u/{id}.png", Description = position,
                ManagerId = i == 0 ? null : 1001 + (i - 1) / 4, IsPlaceholder = false, OrganizationId = EmulatorStore.OrganizationId,
                Seats = seats, ApiKey = EmulatorStore.ApiKeyFor(seed, id),
            });
        }
        for (int p = 1; p <= PlaceholderCount; p++)
        {
            long id = 1000 + users + p;
            s.AddUser(new EmulatorUser
            {
                Id = id, Name = "Open Seat " + p, Email = "", ImageUrl = "/i/userplaceholder", Description = "",
                ManagerId = 1001, IsPlaceholder = true, OrganizationId = EmulatorStore.OrganizationId,
            });
        }
        s.GroupList.Add(new EmulatorGroup(31, "Leadership Team", "Group"));
        s.GroupList.Add(new EmulatorGroup(32, "Sales Team", "Group"));
        s.GroupList.Add(new EmulatorGroup(71, "Integrator", "Position"));

        // ---- meetings ----
        var attendees = new List<long>[meetings];
        for (int k = 0; k < meetings; k++) attendees[k] = new List<long>();
        for (int i = 0; i < Math.Min(users, 5); i++) attendees[0].Add(1001 + i);
        attendees[1].Add(1001);
        for (int i = 1; i < users; i++)
        {
            var list = attendees[PrimaryMeeting(i, meetings) - 2001];
            if (!list.Contains(1001 + i)) list.Add(1001 + i);
        }
        for (int k = 0; k < meetings; k++)
        {
            long mid = s.NextMeetingId++;
            attendees[k].Sort();
            s.MeetingMap[mid] = new EmulatorMeeting
            {
                Id = mid, Name = MeetingNames[k], AttendeeIds = attendees[k].ToArray(),
                CreateTime = today.AddDays(-90 - 7 * k).AddHours(10), CreatorId = attendees[k][0],
            };
        }

        // ---- todos: per user 2 open (meeting + personal) and 1 closed (meeting) ----
        for (int i = 0; i < users; i++)
        {
            long uid = 1001 + i, mid = PrimaryMeeting(i, meetings);
            var created = today.AddDays(-rnd.Next(3, 30)).AddHours(9 + rnd.Next(8));
            s.TodoMap[s.NextTodoId] = new EmulatorTodo
            {
                Id = s.NextTodoId++, Title = Pick(rnd, TodoTitles), OwnerId = uid, MeetingId = mid,
                DueDate = today.AddDays(rnd.Next(1, 14)), CreateTime = created,
            };
            s.TodoMap[s.NextTodoId] = new EmulatorTodo
            {
                Id = s.NextTodoId++, Title = Pick(rnd, TodoTitles), OwnerId = uid, MeetingId = null,
                DueDate = today.AddDays(rnd.Next(-3, 10)), CreateTime = created.AddHours(1),
            };
            var closedAt = created.AddDays(1).AddHours(2);
            s.TodoMap[s.NextTodoId] = new EmulatorTodo
            {
                Id = s.NextTodoId++, Title = Pick(rnd, TodoTitles), OwnerId = uid, MeetingId = mid,
                DueDate = created.Date.AddDays(7), CreateTime = created.AddHours(-5), Complete = true,
                CompleteTime = closedAt, CloseTime = closedAt,
            };
        }

        // ---- per meeting: 4 issues (3 open, 1 solved), 3 measurables (14 weeks of scores), 2 headlines ----
        for (int k = 0; k < meetings; k++)
        {
            long mid = 2001 + k;
            var att = attendees[k];
            for (int j = 0; j < 4; j++)
            {
                var created = today.AddDays(-rnd.Next(2, 40)).AddHours(8 + rnd.Next(9));
                bool closed = j == 3;
                s.IssueMap[s.NextIssueId] = new EmulatorIssue
                {
                    Id = s.NextIssueId++, Title = Pick(rnd, IssueTitles), OwnerId = att[j % att.Count], MeetingId = mid,
                    CreateTime = created, Complete = closed, CloseTime = closed ? created.AddDays(1) : null,
                    CompleteTime = closed ? created.AddDays(1) : null,
                };
            }
            for (int j = 0; j < 3; j++)
            {
                var t = MeasurableTemplates[rnd.Next(MeasurableTemplates.Length)];
                long msId = s.NextMeasurableId++;
                s.MeasurableMap[msId] = new EmulatorMeasurable
                {
                    Id = msId, Title = t.Title, OwnerId = att[j % att.Count], AdminId = att[0], MeetingId = mid,
                    Target = t.Target, Direction = t.Direction, Unit = t.Unit,
                };
                for (int w = s.CurrentWeekNumber - PastWeeks; w <= s.CurrentWeekNumber; w++)
                {
                    bool empty = rnd.NextDouble() < 0.25;
                    decimal? value = empty ? null : Math.Round((decimal)(t.Target * (0.6 + rnd.NextDouble() * 0.8)), t.Target >= 1000 ? 0 : 1);
                    s.AddScore(new EmulatorScore
                    {
                        Id = s.NextScoreId++, MeasurableId = msId, WeekNumber = w, Measured = value,
                        DateEntered = empty ? null : EmulatorStore.WeekStart(w).AddDays(3).AddHours(10),
                    });
                }
            }
            // One scorecard divider per meeting, after its first measurable (GraphQL meeting.metrics only).
            s.MetricDividers.Add(new EmulatorMetricDivider(MetricLinks.DividerLinkBase + mid, mid, 1));
            for (int j = 0; j < 2; j++)
            {
                s.HeadlineMap[s.NextHeadlineId] = new EmulatorHeadline
                {
                    Id = s.NextHeadlineId++, Title = Pick(rnd, HeadlineTitles), OwnerId = att[j % att.Count], MeetingId = mid,
                    CreateTime = today.AddDays(-rnd.Next(1, 20)).AddHours(11),
                };
            }
        }

        // ---- rocks: per user 2 active (OnTrack, AtRisk) + 1 archived (Complete), all in the primary meeting ----
        var quarterEnd = QuarterEnd(today);
        for (int i = 0; i < users; i++)
        {
            long uid = 1001 + i, mid = PrimaryMeeting(i, meetings);
            var created = today.AddDays(-rnd.Next(20, 60)).AddHours(10);
            s.GoalMap[s.NextGoalId] = new EmulatorGoal { Id = s.NextGoalId++, Title = Pick(rnd, RockTitles), OwnerId = uid, MeetingId = mid, DueDate = quarterEnd, CreateTime = created, Completion = "OnTrack" };
            s.GoalMap[s.NextGoalId] = new EmulatorGoal { Id = s.NextGoalId++, Title = Pick(rnd, RockTitles), OwnerId = uid, MeetingId = mid, DueDate = quarterEnd, CreateTime = created.AddMinutes(5), Completion = "AtRisk" };
            s.GoalMap[s.NextGoalId] = new EmulatorGoal { Id = s.NextGoalId++, Title = Pick(rnd, RockTitles), OwnerId = uid, MeetingId = mid, DueDate = quarterEnd.AddMonths(-3), CreateTime = created.AddDays(-90), Completion = "Complete", Archived = true };
        }

        // ---- last, so that nothing above changes: a meeting nobody attends that every user can see (L10/list) ----
        long allHands = s.NextMeetingId++;
        s.MeetingMap[allHands] = new EmulatorMeeting
        {
            Id = allHands, Name = VisibleMeetingName, AttendeeIds = [], CreateTime = today.AddDays(-200).AddHours(10),
            CreatorId = 1001, VisibleToAll = true,
        };
    }

    private static DateTime QuarterEnd(DateTime today)
    {
        int q = (today.Month - 1) / 3;
        return new DateTime(today.Year, q * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(3).AddDays(-1);
    }

    private static string Pick(Random rnd, string[] items) => items[rnd.Next(items.Length)];

    private static string Ascii(string s)
    {
        var norm = s.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(norm.Length);
        foreach (var c in norm)
            if (c < 128) sb.Append(c);
        return sb.ToString();
    }
}
