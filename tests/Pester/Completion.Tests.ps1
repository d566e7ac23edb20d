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

Describe 'Item ids' {
    It 'offers <Line>with the titles beside the ids, not file names' -ForEach @(
        @{ Line = 'Get-BloomyTodo -Id '; Source = { Get-BloomyTodo }; IdOf = 'Id'; NameOf = 'Title' }
        @{ Line = 'Get-BloomyGoal -Id '; Source = { Get-BloomyGoal }; IdOf = 'Id'; NameOf = 'Title' }
        @{ Line = 'Get-BloomyIssue -Id '; Source = { Get-BloomyIssue }; IdOf = 'Id'; NameOf = 'Title' }
        @{ Line = 'Get-BloomyHeadline -Id '; Source = { Get-BloomyHeadline }; IdOf = 'Id'; NameOf = 'Title' }
        @{ Line = 'Get-BloomyUser -Id '; Source = { Get-BloomyUser -All }; IdOf = 'Id'; NameOf = 'Name' }
        @{ Line = 'Get-BloomyMeeting -Id '; Source = { Get-BloomyMeeting }; IdOf = 'Id'; NameOf = 'Name' }
        @{ Line = 'Get-BloomyScorecard -MeasurableId '; Source = { Get-BloomyScorecard -IncludeEmpty }; IdOf = 'MeasurableId'; NameOf = 'Title' }
        @{ Line = 'Set-BloomyScore -MeasurableId '; Source = { Get-BloomyScorecard -IncludeEmpty }; IdOf = 'MeasurableId'; NameOf = 'Title' }
    ) {
        $expected = @(& $Source | Sort-Object $IdOf -Unique)
        $expected | Should -Not -BeNullOrEmpty

        $offered = @(Get-Completion $Line)

        ($offered.CompletionText | Sort-Object) | Should -Be ($expected.$IdOf | ForEach-Object { "$_" } | Sort-Object)
        foreach ($item in $expected) {
            $match = $offered | Where-Object CompletionText -EQ "$($item.$IdOf)"
            $match.ListItemText | Should -BeExactly "$($item.$NameOf) ($($item.$IdOf))"
            $match.ToolTip | Should -BeLike "*$($item.$NameOf)*"
            $match.ResultType | Should -Be 'ParameterValue'
        }
    }

    It 'narrows the to-dos by a word of their title' {
        $todo = Get-BloomyTodo | Select-Object -First 1
        $word = $todo.Title.Split(' ')[-1]

        $offered = Get-Completion "Get-BloomyTodo -Id $word"

        $offered.CompletionText | Should -Contain "$($todo.Id)"
        $offered | ForEach-Object { $_.ListItemText | Should -BeLike "*$word*" }
    }
}

Describe 'Goal statuses' {
    It 'shows what each status means beside it' {
        $offered = Get-Completion 'Set-BloomyGoal -Id 1 -Status '

        $offered | Should -Not -BeNullOrEmpty
        foreach ($item in $offered) {
            $item.ToolTip | Should -Not -Be $item.CompletionText
            $item.ListItemText | Should -BeExactly "$($item.CompletionText) - $($item.ToolTip)"
        }
        ($offered | Where-Object CompletionText -EQ 'OffTrack').ToolTip | Should -BeLike '*AtRisk*'
        ($offered | Where-Object CompletionText -EQ 'Complete').ToolTip | Should -BeLike '*Complete*'
    }

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
