#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Milestones of goals and goal notes (over GraphQL) as a person would work with them: a quarter's plan from a
# spreadsheet, progress through the weeks, a mistake among good items, -WhatIf, and lists read past a small page size.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 10 -LatencyMs 10
    Connect-BloomyEmulator $emulator
    $script:meeting = (Get-BloomyMeeting)[0].Id
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'A quarter of milestones' {
    BeforeAll {
        $script:goal = New-BloomyGoal -Title 'Open the Berlin office' -MeetingId $meeting
    }

    It 'adds milestones from a CSV file, one per row, and reports the bad row alone' {
        $csv = Join-Path $TestDrive 'milestones.csv'
        @(
            [pscustomobject]@{ GoalId = $goal.Id; Title = 'Sign the lease'; DueDate = '2026-10-01'; Completed = 'true' }
            [pscustomobject]@{ GoalId = $goal.Id; Title = 'Hire a manager'; DueDate = 'next month'; Completed = '' }
            [pscustomobject]@{ GoalId = $goal.Id; Title = 'Furnish'; DueDate = '2026-11-15'; Completed = 'false' }
            [pscustomobject]@{ GoalId = $goal.Id; Title = 'Opening party'; DueDate = '2026-12-18'; Completed = '' }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $added = Import-Csv $csv | New-BloomyMilestone -ErrorVariable failures -ErrorAction SilentlyContinue

        $added.Title | Should -Be @('Sign the lease', 'Furnish', 'Opening party')
        $added.Completed | Should -Be @($true, $false, $false)
        $added[0].DueDate | Should -Be ([DateTimeOffset]::new(2026, 10, 1, 0, 0, 0, [TimeSpan]::Zero))
        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -BeLike '*next month*'
    }

    It 'lists them from the goal by due date, and completes, moves and reopens them' {
        $list = $goal | Get-BloomyMilestone
        $list.Title | Should -Be @('Sign the lease', 'Furnish', 'Opening party')

        $done = $list | Where-Object Title -eq 'Furnish' | Complete-BloomyMilestone -PassThru
        $done.Completed | Should -BeTrue

        $moved = Set-BloomyMilestone -GoalId $goal.Id -Id $done.Id -DueDate '2026-12-01' -PassThru
        $moved.DueDate.UtcDateTime.ToString('yyyy-MM-dd') | Should -Be '2026-12-01'

        $reopened = Get-BloomyMilestone -GoalId $goal.Id | Where-Object Completed | Open-BloomyMilestone -PassThru
        $reopened.Completed | Should -Be @($false, $false)
    }

    It 'writes one error for a milestone that is not under the goal and completes the others' {
        $other = New-BloomyGoal -Title 'Other goal' -MeetingId $meeting
        $stray = New-BloomyMilestone -GoalId $other.Id -Title 'Stray' -DueDate 2026-10-10
        $mine = (Get-BloomyMilestone -GoalId $goal.Id).Id

        $done = $mine[0], $stray.Id, $mine[1] | Complete-BloomyMilestone -GoalId $goal.Id -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $done.Id | Should -Be @($mine[0], $mine[1])
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.NotFound,*'
        "$($failures[0])" | Should -BeLike "*milestone $($stray.Id)*"
        (Get-BloomyMilestone -GoalId $other.Id).Completed | Should -BeFalse
    }

    It 'sends nothing with -WhatIf' {
        $first = (Get-BloomyMilestone -GoalId $goal.Id)[0]
        Reset-BloomyEmulatorStats $emulator

        New-BloomyMilestone -GoalId $goal.Id -Title 'Nope' -DueDate 2026-10-30 -WhatIf
        $first | Set-BloomyMilestone -Title 'Nope' -WhatIf
        $first | Complete-BloomyMilestone -WhatIf
        $first | Open-BloomyMilestone -WhatIf
        $first | Remove-BloomyMilestone -WhatIf
        Set-BloomyGoal -Id $goal.Id -Notes 'Nope' -WhatIf

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }

    It 'removes a milestone for good' {
        $last = Get-BloomyMilestone -GoalId $goal.Id | Select-Object -Last 1

        $last | Remove-BloomyMilestone -Confirm:$false

        (Get-BloomyMilestone -GoalId $goal.Id).Id | Should -Not -Contain $last.Id
    }

    It 'shows milestones in a table that fits 80 columns' {
        $lines = Get-BloomyMilestone -GoalId $goal.Id | Format-Table | Out-String -Width 80 -Stream
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        ($lines -join "`n") | Should -BeLike '*GoalId*DueDate*'
    }
}

Describe 'Every milestone of every goal, page after page' {
    It 'reads all of them with the emulator''s page size at 3' {
        $goals = 1..3 | ForEach-Object { New-BloomyGoal -Title "Paged $_" -MeetingId $meeting }
        foreach ($g in $goals) {
            1..5 | ForEach-Object { [pscustomobject]@{ GoalId = $g.Id; Title = "Step $_"; DueDate = '2026-10-{0:d2}' -f $_ } } | New-BloomyMilestone | Out-Null
        }
        Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 3 } | Out-Null
        try {
            $all = $goals | Get-BloomyMilestone -ThrottleLimit 3
        }
        finally {
            Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 10 } | Out-Null
        }

        $all | Should -HaveCount 15
        $all | Group-Object GoalId | ForEach-Object Count | Should -Be @(5, 5, 5)
        $all.GoalId | Select-Object -Unique | Should -Be $goals.Id
        $all[0..4].Title | Should -Be @('Step 1', 'Step 2', 'Step 3', 'Step 4', 'Step 5')
    }
}

Describe 'Goal notes' {
    It 'keeps multi-line notes from New-BloomyGoal -Notes and Set-BloomyGoal -Notes, read with -IncludeNotes' {
        $goal = New-BloomyGoal -Title 'Noted' -MeetingId $meeting -Notes "Why: growth`nHow: hire & train"

        (Get-BloomyGoal -Id $goal.Id -IncludeNotes).Notes | Should -Be "Why: growth`nHow: hire & train"
        (Get-BloomyGoal -Id $goal.Id).Notes | Should -BeNullOrEmpty

        Set-BloomyGoal -Id $goal.Id -Notes "<b>bold</b> plans"
        (Get-BloomyGoal -IncludeNotes | Where-Object Id -eq $goal.Id).Notes | Should -Be '<b>bold</b> plans'
    }
}
