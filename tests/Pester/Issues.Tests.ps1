#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issues as a person would work a meeting's list: the open issues of piped meetings, issues raised from a CSV
# file, retitled and solved, -WhatIf, and mistakes caught before anything is sent.

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

Describe 'Reading issues' {
    It 'gives the open issues of each piped meeting, meeting by meeting' {
        $meetings = Get-BloomyMeeting

        $issues = $meetings | Get-BloomyIssue

        $issues | Should -HaveCount (3 * $meetings.Count)
        $issues[0] | Should -BeOfType 'Bloomy.Client.Models.Issue'
        $issues.MeetingId | Select-Object -Unique | Should -Be $meetings.Id
        $issues.Complete | Should -Not -Contain $true
    }

    It 'gives a meeting''s issues by -MeetingId and one issue by -Id' {
        $issues = Get-BloomyIssue -MeetingId 2003

        $issues | Should -HaveCount 3
        $one = Get-BloomyIssue -Id $issues[0].Id
        $one.Title | Should -BeExactly $issues[0].Title
        $one.MeetingId | Should -Be 2003
    }

    It 'gives a user''s open issues by -UserId and by a piped user' {
        $byId = Get-BloomyIssue -UserId 1002
        $byUser = Get-BloomyUser -Id 1002 | Get-BloomyIssue

        $byUser.Id | Should -Be $byId.Id
        $byId | ForEach-Object { $_.OwnerId | Should -Be 1002 }
    }

    It 'writes one error record naming a missing issue and returns the others' {
        $ids = (Get-BloomyIssue -MeetingId 2004).Id

        $found = $ids[0], 999999, $ids[1] | Get-BloomyIssue -ErrorVariable failures -ErrorAction SilentlyContinue

        $found.Id | Should -Be @($ids[0], $ids[1])
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.NotFound,*'
        $failures[0].TargetObject | Should -Be 999999
    }
}

Describe 'Raising, changing and solving issues' {
    BeforeAll {
        $script:csv = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-issues-$([guid]::NewGuid()).csv"
    }

    AfterAll {
        Remove-Item $csv -ErrorAction SilentlyContinue
    }

    It 'raises one issue per CSV row' {
        @(
            [pscustomobject]@{ MeetingId = 2001; Title = 'Churn is up'; OwnerId = 1002; Notes = 'See the Q3 numbers' }
            [pscustomobject]@{ MeetingId = 2002; Title = 'Hiring is slow'; OwnerId = 1001; Notes = '' }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $issues = Import-Csv -Path $csv | New-BloomyIssue

        $issues.Title | Should -Be @('Churn is up', 'Hiring is slow')
        $issues.MeetingId | Should -Be @(2001, 2002)
        $issues.OwnerId | Should -Be @(1002, 1001)
        (Get-BloomyIssue -MeetingId 2001).Title | Should -Contain 'Churn is up'
    }

    It 'retitles an issue and returns it with -PassThru' {
        $issue = New-BloomyIssue -MeetingId 2001 -Title 'Old title'

        $changed = $issue | Set-BloomyIssue -Title 'New title' -Notes 'Discussed' -PassThru

        $changed.Id | Should -Be $issue.Id
        $changed.Title | Should -BeExactly 'New title'
        (Get-BloomyIssue -Id $issue.Id).Title | Should -BeExactly 'New title'
    }

    It 'solves piped issues, which then leave the meeting''s open list' {
        $issues = 'Solve me 1', 'Solve me 2' | ForEach-Object { New-BloomyIssue -MeetingId 2002 -Title $_ }

        $solved = $issues | Close-BloomyIssue -PassThru

        $solved.Id | Should -Be $issues.Id
        $solved | ForEach-Object { $_.Complete | Should -BeTrue }
        (Get-BloomyIssue -MeetingId 2002).Id | Should -Not -Contain $issues[0].Id
    }

    It 'sends nothing with -WhatIf' {
        $issue = Get-BloomyIssue -MeetingId 2003 | Select-Object -First 1
        Reset-BloomyEmulatorStats $emulator

        New-BloomyIssue -MeetingId 2003 -Title 'Nope' -WhatIf
        Set-BloomyIssue -Id $issue.Id -Title 'Nope' -WhatIf
        $issue | Close-BloomyIssue -WhatIf

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}

Describe 'Mistakes caught before anything is sent' {
    It 'refuses <Command>' -TestCases @(
        @{ Command = "New-BloomyIssue -MeetingId 2001 -Title ''"; Message = '*Title*' }
        @{ Command = "New-BloomyIssue -MeetingId 0 -Title 'x'"; Message = '*MeetingId*' }
        @{ Command = 'Get-BloomyIssue -UserId 1001 -MeetingId 2001'; Message = '*parameter set*' }
        @{ Command = 'Close-BloomyIssue -Id 0'; Message = '*Id*' }
        @{ Command = 'Get-BloomyIssue -ThrottleLimit 0'; Message = '*ThrottleLimit*' }
    ) {
        param($Command, $Message)
        Reset-BloomyEmulatorStats $emulator

        { & ([scriptblock]::Create("$Command -ErrorAction Stop")) } | Should -Throw $Message

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }

    It 'never takes a user object as an issue' {
        $user = Get-BloomyUser -Id 1002
        Reset-BloomyEmulatorStats $emulator

        { $user | Close-BloomyIssue -ErrorAction Stop } | Should -Throw

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}
