#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The routes admins use beyond the SDK, as a person would type them: every meeting and user they can see, undoing
# a completion and a solve, taking an issue off a meeting, a goal outside any meeting (preview), and a mistyped
# route's HTML page reported as an error rather than taken for success.

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

Describe 'Seeing more than your own' {
    It 'lists every meeting you can see, one of them not attended' {
        $mine = Get-BloomyMeeting
        $visible = Get-BloomyMeeting -Visible

        $visible.Count | Should -BeGreaterThan $mine.Count
        $notAttended = $visible | Where-Object Id -notin $mine.Id
        $notAttended.Name | Should -Contain 'Company All-Hands'
        $visible[0].GetType().FullName | Should -Be 'Bloomy.Client.Models.Meeting'
    }

    It 'lists every user you can see, placeholders only when asked' {
        $people = Get-BloomyUser -Visible
        $everyone = Get-BloomyUser -Visible -IncludePlaceholders

        $people | Should -HaveCount 20
        $everyone | Should -HaveCount 23
        ($everyone | Where-Object IsPlaceholder).Name | Should -Be @('Open Seat 1', 'Open Seat 2', 'Open Seat 3')
    }
}

Describe 'Undoing and removing' {
    It 'reopens a completed to-do' {
        $todo = Get-BloomyTodo | Select-Object -First 1
        Complete-BloomyTodo -Id $todo.Id

        $reopened = $todo | Open-BloomyTodo -PassThru

        $reopened.Complete | Should -BeFalse
        (Get-BloomyTodo).Id | Should -Contain $todo.Id
    }

    It 'reopens a solved issue' {
        $issue = Get-BloomyIssue -MeetingId 2002 | Select-Object -First 1
        Close-BloomyIssue -Id $issue.Id

        $reopened = Open-BloomyIssue -Id $issue.Id -PassThru

        $reopened.Complete | Should -BeFalse
        (Get-BloomyIssue -MeetingId 2002).Id | Should -Contain $issue.Id
    }

    It 'shows with -WhatIf, then removes piped issues from their meeting' {
        $issues = Get-BloomyIssue -MeetingId 2003
        Reset-BloomyEmulatorStats $emulator

        $issues | Remove-BloomyIssue -WhatIf
        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0

        $issues[0] | Remove-BloomyIssue -Confirm:$false
        (Get-BloomyIssue -MeetingId 2003).Id | Should -Not -Contain $issues[0].Id
        (Get-BloomyIssue -Id $issues[0].Id).Id | Should -Be $issues[0].Id
    }

    It 'refuses a missing issue with an error naming it and goes on' {
        $issue = Get-BloomyIssue -MeetingId 2004 | Select-Object -First 1

        Remove-BloomyIssue -MeetingId 2004 -Id 999999, $issue.Id -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.NotFound,*'
        $failures[0].TargetObject | Should -Be 999999
        (Get-BloomyIssue -MeetingId 2004).Id | Should -Not -Contain $issue.Id
    }
}

Describe 'A goal outside any meeting (preview)' {
    It 'is created without -MeetingId and belongs to no meeting' {
        $goal = New-BloomyGoal -Title 'Write the handbook'

        $goal.MeetingId | Should -BeNullOrEmpty
        (Get-BloomyGoal).Id | Should -Contain $goal.Id
        Get-BloomyEmulatorRouteCount $emulator 'POST rocks/create' | Should -BeGreaterThan 0
    }

    It 'says preview in its help' {
        (Get-Help New-BloomyGoal -Full | Out-String) | Should -BeLike '*preview*'
    }
}

Describe 'The plural-path trap' {
    It 'reports an HTML page where an empty answer was expected instead of taking it for success' {
        $todo = Get-BloomyTodo | Select-Object -First 1
        Complete-BloomyTodo -Id $todo.Id
        Set-BloomyEmulatorFault $emulator @{ malformed = @{ kind = 'Html'; method = 'POST'; route = 'todo/{id}/complete' } } | Out-Null

        Open-BloomyTodo -Id $todo.Id -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.InvalidResponse,*'
        "$($failures[0])" | Should -BeLike '*HTML page*'
        Reset-BloomyEmulatorStats $emulator
    }
}
