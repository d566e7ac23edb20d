#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Tab completion as a person presses Tab (TabExpansion2, what the console and VS Code call): meeting and user ids
# come from the connection with their names beside them, and goal statuses complete from their fixed list.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 20
    Connect-BloomyEmulator $emulator

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'Meeting ids' {
    It 'offers the connection''s meetings with their names after Get-BloomyTodo -MeetingId' {
        $meetings = Get-BloomyMeeting

        $offered = Get-Completion 'Get-BloomyTodo -MeetingId '

        ($offered.CompletionText | Sort-Object) | Should -Be ($meetings.Id | ForEach-Object { "$_" } | Sort-Object)
        foreach ($meeting in $meetings) {
            $item = $offered | Where-Object CompletionText -EQ "$($meeting.Id)"
            $item.ListItemText | Should -BeExactly "$($meeting.Name) ($($meeting.Id))"
            $item.ToolTip | Should -BeLike "*$($meeting.Name)*"
            $item.ResultType | Should -Be 'ParameterValue'
        }
    }

    It 'narrows the meetings by part of a name' {
        $meeting = Get-BloomyMeeting | Select-Object -First 1
        $word = $meeting.Name.Split(' ')[0]

        $offered = Get-Completion "New-BloomyTodo -Title x -MeetingId $word"

        $offered.CompletionText | Should -Contain "$($meeting.Id)"
        $offered | ForEach-Object { $_.ListItemText | Should -BeLike "*$word*" }
    }

    It 'asks the service once and then answers from the cache' {
        Connect-BloomyEmulator $emulator
        Reset-BloomyEmulatorStats $emulator

        Get-Completion 'Get-BloomyTodo -MeetingId ' | Out-Null
        Get-Completion 'Get-BloomyTodo -UserId ' | Out-Null
        $afterFirst = (Get-BloomyEmulatorStats $emulator).TotalRequests
        Get-Completion 'Get-BloomyScorecard -MeetingId ' | Out-Null
        Get-Completion 'New-BloomyTodo -UserId ' | Out-Null

        $afterFirst | Should -Be 2
        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be $afterFirst
    }
}

Describe 'User ids' {
    It 'offers every user of the organisation, and one user by e-mail' {
        $users = Get-BloomyUser -All
        $someone = $users | Where-Object { $_.Id -ne 1001 -and $_.Email } | Select-Object -First 1

        $all = Get-Completion 'Get-BloomyMeeting -UserId '
        $byEmail = Get-Completion "Get-BloomyTodo -UserId $($someone.Email)"

        ($all.CompletionText | Sort-Object) | Should -Be ($users.Id | ForEach-Object { "$_" } | Sort-Object)
        $byEmail | Should -HaveCount 1
        $byEmail[0].CompletionText | Should -Be "$($someone.Id)"
        $byEmail[0].ListItemText | Should -BeExactly "$($someone.Name) ($($someone.Id))"
    }
}

Describe 'Goal statuses' {
    It 'offers OnTrack, AtRisk and Complete after Set-BloomyGoal -Status' {
        $offered = Get-Completion 'Set-BloomyGoal -Id 1 -Status '

        $offered.CompletionText | Should -Contain 'OnTrack'
        $offered.CompletionText | Should -Contain 'AtRisk'
        $offered.CompletionText | Should -Contain 'Complete'
    }

    It 'narrows the statuses by their first letters' {
        $offered = Get-Completion 'Set-BloomyGoal -Id 1 -Status o'

        $offered.CompletionText | Should -Contain 'OnTrack'
        $offered.CompletionText | Should -Contain 'OffTrack'
        $offered | ForEach-Object { $_.CompletionText | Should -BeLike 'o*' }
    }
}
