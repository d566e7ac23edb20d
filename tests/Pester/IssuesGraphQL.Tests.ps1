#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issues beyond REST, over GraphQL, as a person would work a meeting's lists: the long-term list (department plan)
# read in pages of 3, issues moved to it and back, archived and restored, reassigned with multi-line notes, moved to
# another meeting from a CSV file, -WhatIf, and a failing row among good ones.

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

Describe 'The long-term list' {
    It 'takes piped issues to the long-term list, lists every one at page size 3, and takes one back' {
        $made = 1..5 | ForEach-Object { New-BloomyIssue -MeetingId 2001 -Title "Plan item $_" }
        Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 3 } | Out-Null

        $moved = $made | Set-BloomyIssue -LongTerm -PassThru
        $longTerm = Get-BloomyIssue -MeetingId 2001 -LongTerm

        $moved.LongTerm | Should -Not -Contain $false
        $moved.Archived | Should -Not -Contain $true
        $longTerm.Count | Should -BeGreaterThan 3
        $made.Id | ForEach-Object { $longTerm.Id | Should -Contain $_ }
        (Get-BloomyIssue -MeetingId 2001).Id | Should -Not -Contain $made[0].Id
        (Get-BloomyEmulatorGraphQLRequest $emulator).RootFields.meeting | Should -BeGreaterThan 1

        $back = Set-BloomyIssue -Id $made[0].Id -LongTerm:$false -PassThru

        $back.LongTerm | Should -BeFalse
        (Get-BloomyIssue -MeetingId 2001).Id | Should -Contain $made[0].Id
    }

    It 'raises an issue straight on the long-term list' {
        $issue = New-BloomyIssue -MeetingId 2001 -Title 'Open a second office' -LongTerm

        $issue.LongTerm | Should -BeTrue
        (Get-BloomyIssue -MeetingId 2001 -LongTerm).Id | Should -Contain $issue.Id
    }
}

Describe 'Archive, restore, owner and notes' {
    It 'archives, lists with -IncludeArchived and restores' {
        $issue = New-BloomyIssue -MeetingId 2002 -Title 'Archive me'

        Set-BloomyIssue -Id $issue.Id -Archived
        $withArchived = Get-BloomyIssue -MeetingId 2002 -IncludeArchived
        $restored = $withArchived | Where-Object Archived | Where-Object Id -eq $issue.Id | Restore-BloomyIssue -PassThru

        ($withArchived | Where-Object Id -eq $issue.Id).Archived | Should -BeTrue
        $restored.Archived | Should -BeFalse
        (Get-BloomyIssue -MeetingId 2002).Id | Should -Contain $issue.Id
    }

    It 'reassigns an issue with multi-line notes and reads them back with -IncludeNotes' {
        $issue = New-BloomyIssue -MeetingId 2002 -Title 'Needs an owner'

        Set-BloomyIssue -Id $issue.Id -OwnerId 1003 -Notes "first line`nsecond & <last>"
        $read = Get-BloomyIssue -Id $issue.Id -IncludeNotes

        $read.OwnerId | Should -Be 1003
        $read.Notes | Should -BeExactly "first line`nsecond & <last>"
        (Get-BloomyIssue -Id $issue.Id).Notes | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        $issue = New-BloomyIssue -MeetingId 2002 -Title 'What if'
        Reset-BloomyEmulatorStats $emulator

        Set-BloomyIssue -Id $issue.Id -Archived -WhatIf
        Restore-BloomyIssue -Id $issue.Id -WhatIf
        Move-BloomyIssue -Id $issue.Id -MeetingId 2001 -WhatIf

        (Get-BloomyEmulatorGraphQLRequest $emulator).Requests | Should -BeNullOrEmpty
        (Get-BloomyIssue -Id $issue.Id).MeetingId | Should -Be 2002
    }
}

Describe 'Moving issues to another meeting' {
    It 'moves the issues of a CSV file, each to its row''s meeting, and names the row that failed' {
        $a = New-BloomyIssue -MeetingId 2001 -Title 'Move A'
        $b = New-BloomyIssue -MeetingId 2001 -Title 'Move B'
        $csv = Join-Path $TestDrive 'moves.csv'
        @(
            [pscustomobject]@{ Id = $a.Id; MeetingId = 2002 }
            [pscustomobject]@{ Id = 999999; MeetingId = 2002 }
            [pscustomobject]@{ Id = $b.Id; MeetingId = 2003 }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $moved = Import-Csv $csv | Move-BloomyIssue -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $moved.Id | Should -Be @($a.Id, $b.Id)
        $moved.MeetingId | Should -Be @(2002, 2003)
        $failures | Should -HaveCount 1
        $failures[0].TargetObject | Should -Be 999999
        (Get-BloomyIssue -MeetingId 2002).Id | Should -Contain $a.Id
    }

    It 'moves piped issues to -MeetingId and refuses an issue piped without it' {
        $issue = New-BloomyIssue -MeetingId 2001 -Title 'Move me'

        $moved = Get-BloomyIssue -Id $issue.Id | Move-BloomyIssue -MeetingId 2002 -PassThru
        Get-BloomyIssue -Id $issue.Id | Move-BloomyIssue -ErrorVariable refused -ErrorAction SilentlyContinue

        $moved.MeetingId | Should -Be 2002
        $refused | Should -HaveCount 1
        "$refused" | Should -BeLike '*Give -MeetingId*'
        (Get-BloomyIssue -Id $issue.Id).MeetingId | Should -Be 2002
    }

    It 'reports a move the server forbids as one Bloomy.Forbidden error per issue, and moves them once allowed' {
        $issues = 1..2 | ForEach-Object { New-BloomyIssue -MeetingId 2001 -Title "Guarded $_" }
        Set-BloomyEmulatorGraphQL $emulator @{ forbidden = @('EditIssue') } | Out-Null
        try {
            $issues | Move-BloomyIssue -MeetingId 2002 -ErrorVariable refused -ErrorAction SilentlyContinue
        }
        finally {
            Set-BloomyEmulatorGraphQL $emulator @{ forbidden = @() } | Out-Null
        }

        $refused | Should -HaveCount 2
        $refused.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'Bloomy.Forbidden,*' }
        $refused.CategoryInfo.Category | Should -Be @('PermissionDenied', 'PermissionDenied')
        $refused.TargetObject | Should -Be $issues.Id
        (Get-BloomyIssue -MeetingId 2001).Id | Should -Contain $issues[0].Id
        ($issues | Move-BloomyIssue -MeetingId 2002 -PassThru).MeetingId | Should -Be @(2002, 2002)
    }
}
