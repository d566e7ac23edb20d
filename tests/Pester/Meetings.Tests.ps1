#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Meetings as a person would run them: one meeting in detail, its attendees and their to-dos, new meetings from a
# CSV file, adding people, removing meetings, -WhatIf, and mistakes caught before anything is sent.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 20
    Connect-BloomyEmulator $emulator
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'Reading meetings' {
    It 'lists the meetings Ada attends' {
        $meetings = Get-BloomyMeeting
        $meetings.Id | Should -Be @(2001, 2002)
        $meetings[0] | Should -BeOfType 'Bloomy.Client.Models.Meeting'
        $meetings | ForEach-Object { $_.Name | Should -Not -BeNullOrEmpty }
    }

    It 'gets a meeting in detail with its attendees, issues, to-dos and measurables' {
        $detail = Get-BloomyMeeting -Id 2001 -Detailed

        $detail | Should -BeOfType 'Bloomy.Client.Models.MeetingDetails'
        $detail.Attendees.Id | Should -Contain 1001
        $detail.Issues | Should -HaveCount 3
        $detail.Measurables | Should -HaveCount 3
        $detail.Todos | ForEach-Object { $_.MeetingId | Should -Be 2001 }
    }

    It 'shows the attendees'' e-mail and position, which the attendee route does not return' {
        $listed = @{}
        Get-BloomyUser -All | ForEach-Object { $listed[$_.Id] = $_ }

        $attendees = Get-BloomyMeetingAttendee -MeetingId 2001

        foreach ($attendee in $attendees) {
            $attendee.Email | Should -Be $listed[$attendee.Id].Email
            $attendee.Email | Should -Not -BeNullOrEmpty
            $attendee.Position | Should -Be $listed[$attendee.Id].Position
        }
    }

    It 'lists the attendees as users that Get-BloomyTodo takes' {
        $attendees = Get-BloomyMeeting -Id 2001 | Get-BloomyMeetingAttendee
        $attendees[0] | Should -BeOfType 'Bloomy.Client.Models.User'

        $todos = $attendees | Get-BloomyTodo

        $todos.OwnerId | Select-Object -Unique | ForEach-Object { $_ | Should -BeIn $attendees.Id }
        ($todos | Measure-Object).Count | Should -Be (2 * $attendees.Count)
    }

    It 'writes one error record naming a missing meeting while the other attendees come out' {
        $expected = @(Get-BloomyMeetingAttendee -MeetingId 2001) + @(Get-BloomyMeetingAttendee -MeetingId 2002)

        $attendees = 2001, 999999, 2002 | Get-BloomyMeetingAttendee -ErrorVariable failures -ErrorAction SilentlyContinue

        $attendees.Id | Should -Be $expected.Id
        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -BeLike '*attendees of meeting 999999*'
    }
}

Describe 'Creating, filling and removing meetings' {
    BeforeAll {
        $script:csv = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-meetings-$([guid]::NewGuid()).csv"
    }

    AfterAll {
        Remove-Item $csv -ErrorAction SilentlyContinue
    }

    It 'creates a meeting with Ada and the attendees given' {
        $meeting = New-BloomyMeeting -Title 'Sales L10' -AttendeeId 1002, 1003

        $meeting.Name | Should -BeExactly 'Sales L10'
        $meeting.AttendeeIds | Should -Be @(1002, 1003)
        (Get-BloomyMeetingAttendee -MeetingId $meeting.Id).Id | Sort-Object | Should -Be @(1001, 1002, 1003)
    }

    It 'creates one meeting per CSV row, leaving Ada out with -ExcludeSelf' {
        'Title', 'Ops L10', 'Product L10' | Set-Content -Path $csv

        $meetings = Import-Csv -Path $csv | New-BloomyMeeting -ExcludeSelf

        $meetings.Name | Should -Be @('Ops L10', 'Product L10')
        Get-BloomyMeetingAttendee -MeetingId $meetings[0].Id | Should -BeNullOrEmpty
    }

    It 'adds piped users to a meeting, and user ids to a piped meeting' {
        $meeting = New-BloomyMeeting -Title 'Attendee test' -ExcludeSelf

        Get-BloomyUser -Id 1010, 1011 | Add-BloomyMeetingAttendee -MeetingId $meeting.Id
        Get-BloomyMeeting -Id $meeting.Id | Add-BloomyMeetingAttendee -UserId 1012

        (Get-BloomyMeetingAttendee -MeetingId $meeting.Id).Id | Sort-Object | Should -Be @(1010, 1011, 1012)
    }

    It 'removes piped meetings after -Confirm:$false' {
        $created = 'Tmp A', 'Tmp B' | ForEach-Object { New-BloomyMeeting -Title $_ }

        $created | Remove-BloomyMeeting -Confirm:$false

        foreach ($meeting in $created) {
            { Get-BloomyMeeting -Id $meeting.Id -ErrorAction Stop } | Should -Throw -ErrorId 'Bloomy.NotFound,*'
        }
    }

    It 'sends nothing with -WhatIf' {
        Reset-BloomyEmulatorStats $emulator

        New-BloomyMeeting -Title 'Nope' -AttendeeId 1002 -WhatIf
        Remove-BloomyMeeting -Id 2003 -WhatIf
        Add-BloomyMeetingAttendee -MeetingId 2003 -UserId 1002 -WhatIf

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}

Describe 'Mistakes caught before anything is sent' {
    It 'refuses <Command>' -TestCases @(
        @{ Command = "New-BloomyMeeting -Title ''"; Message = '*Title*' }
        @{ Command = "New-BloomyMeeting -Title 'x' -AttendeeId 0"; Message = '*AttendeeId*' }
        @{ Command = 'Remove-BloomyMeeting -Id 0 -Confirm:$false'; Message = '*Id*' }
    ) {
        param($Command, $Message)
        Reset-BloomyEmulatorStats $emulator

        { & ([scriptblock]::Create("$Command -ErrorAction Stop")) } | Should -Throw $Message

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }

    It 'never takes a user object as a meeting' {
        $user = Get-BloomyUser -Id 1002
        Reset-BloomyEmulatorStats $emulator

        { $user | Remove-BloomyMeeting -Confirm:$false -ErrorAction Stop } | Should -Throw
        { $user | Get-BloomyMeetingAttendee -ErrorAction Stop } | Should -Throw

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}
