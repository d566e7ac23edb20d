#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Measurables and scores over GraphQL as a person would use them: a new measurable from the shell and from a
# spreadsheet, its details and notes, its scores by date and by score, a note, clearing, archiving for good, -WhatIf,
# mistakes caught before anything is sent, and complete lists at a page size of 3.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 10
    Connect-BloomyEmulator $emulator
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'A measurable from creation to archive' {
    It 'creates a between-rule daily measurable with notes, scores it, notes a score, clears one and archives it' {
        $m = New-BloomyMeasurable -MeetingId 2001 -Title 'Room temperature' -Rule Between -MinGoal 18 -MaxGoal 22 -Frequency Daily -Notes "Thermostat`nCelsius"

        $m | Should -BeOfType 'Bloomy.Client.Models.Metric'
        "$($m.Rule)/$($m.Frequency)/$($m.MinGoal)/$($m.MaxGoal)" | Should -Be 'Between/Daily/18/22'
        (Get-BloomyMeasurable -Id $m.Id).Notes | Should -Be "Thermostat`nCelsius"

        $today = [DateTime]::UtcNow.Date
        Set-BloomyScore -MeasurableId $m.Id -Value 21 -Date $today
        Set-BloomyScore -MeasurableId $m.Id -Value 19.5 -Date $today.AddDays(-1)
        $scores = Get-BloomyScore -MeasurableId $m.Id -Start $today.AddDays(-3) -End $today
        $scores.Value | Should -Be @(21, 19.5)
        $scores[0].PeriodDate.UtcDateTime | Should -Be $today

        $scores[0] | Set-BloomyScore -Note 'after the repair'
        $scores[1] | Clear-BloomyScore
        $after = Get-BloomyScore -MeasurableId $m.Id -Start $today.AddDays(-3) -End $today -IncludeEmpty
        $after[0].Note | Should -Be 'after the repair'
        $after[1].Value | Should -BeNullOrEmpty
        @(Get-BloomyScore -MeasurableId $m.Id -Start $today.AddDays(-3) -End $today) | Should -HaveCount 1

        Remove-BloomyMeasurable -Id $m.Id -Confirm:$false
        (Get-BloomyMeasurable -Id $m.Id).Archived | Should -BeTrue
        (Get-BloomyMeasurable -MeetingId 2001).Id | Should -Not -Contain $m.Id
    }

    It 'shows measurables and scores readably at 80 columns' {
        $m = New-BloomyMeasurable -MeetingId 2001 -Title 'Weekly revenue target' -Units Dollar -Goal 1000
        Set-BloomyScore -MeasurableId $m.Id -Value 1200 -Date '2026-09-23'
        $table = ($m | Format-Table | Out-String -Width 80) -split "`n"
        ($table | Where-Object { $_ -match 'Weekly revenue' }) | Should -Match '>= 1000\s+Dollar\s+Weekly'
        $scoreTable = Get-BloomyScore -MeasurableId $m.Id | Format-Table | Out-String -Width 80
        $scoreTable | Should -Match '2026-09-20\s+1200'
    }
}

Describe 'Dates in other cultures' {
    It 'reads -Date as the same calendar date under th-TH and de-DE' {
        $m = New-BloomyMeasurable -MeetingId 2001 -Title 'Culture check' -Goal 1 -Frequency Monthly
        $before = [Threading.Thread]::CurrentThread.CurrentCulture
        try {
            [Threading.Thread]::CurrentThread.CurrentCulture = 'th-TH'
            Set-BloomyScore -MeasurableId $m.Id -Value 1 -Date '2026-05-17'
            [Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
            Set-BloomyScore -MeasurableId $m.Id -Value 2.5 -Date '2026-07-02'
            $scores = Get-BloomyScore -MeasurableId $m.Id -Start '2026-01-01'
        }
        finally {
            [Threading.Thread]::CurrentThread.CurrentCulture = $before
        }
        $scores | ForEach-Object { $_.PeriodDate.UtcDateTime.ToString('yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture) } | Should -Be @('2026-07-01', '2026-05-01')
        $scores.Value | Should -Be @(2.5, 1)
    }
}

Describe 'Measurables from a spreadsheet' {
    It 'creates one measurable per CSV row and reports the row whose goals do not fit its rule' {
        $csv = Join-Path $TestDrive 'measurables.csv'
        @(
            [pscustomobject]@{ MeetingId = 2001; Title = 'Leads'; Goal = 40; Rule = ''; Units = ''; Frequency = 'Weekly'; MinGoal = ''; MaxGoal = '' }
            [pscustomobject]@{ MeetingId = 2001; Title = 'Bad row'; Goal = 5; Rule = 'Between'; Units = ''; Frequency = ''; MinGoal = 1; MaxGoal = 9 }
            [pscustomobject]@{ MeetingId = 2002; Title = 'Churn'; Goal = 2; Rule = 'LessOrEqual'; Units = 'Percent'; Frequency = 'Monthly'; MinGoal = ''; MaxGoal = '' }
        ) | Export-Csv $csv -NoTypeInformation
        Reset-BloomyEmulatorStats $emulator

        $made = Import-Csv $csv | New-BloomyMeasurable -ErrorVariable failures -ErrorAction SilentlyContinue

        $made.Title | Should -Be @('Leads', 'Churn')
        "$($made[1].Rule)/$($made[1].Units)/$($made[1].Frequency)" | Should -Be 'LessOrEqual/Percent/Monthly'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.Validation*'
        (Get-BloomyEmulatorGraphQLRequest $emulator).RootFields.CreateMetric | Should -Be 2
    }
}

Describe 'Mistakes and -WhatIf' {
    It 'changes nothing with -WhatIf' {
        Reset-BloomyEmulatorStats $emulator
        New-BloomyMeasurable -MeetingId 2001 -Title 'Not made' -Goal 1 -WhatIf
        Set-BloomyMeasurable -Id 4001 -Goal 2 -WhatIf
        Remove-BloomyMeasurable -Id 4001 -WhatIf
        Set-BloomyScore -MeasurableId 4001 -Value 3 -Date '2026-01-05' -WhatIf
        @((Get-BloomyEmulatorGraphQLRequest $emulator).Requests | Where-Object Operation -eq 'mutation') | Should -HaveCount 0
    }

    It 'changes the good measurables of a list and names the missing one' {
        $a = New-BloomyMeasurable -MeetingId 2001 -Title 'A' -Goal 1
        $b = New-BloomyMeasurable -MeetingId 2001 -Title 'B' -Goal 1

        $changed = $a.Id, 987654, $b.Id | Set-BloomyMeasurable -Goal 5 -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $changed.Id | Should -Be @($a.Id, $b.Id)
        $changed.Goal | Should -Be @(5, 5)
        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -Match '987654'
    }

    It 'refuses a goal with a range without a rule before anything is sent' {
        Reset-BloomyEmulatorStats $emulator
        { Set-BloomyMeasurable -Id 4001 -Goal 1 -MinGoal 0 -ErrorAction Stop } | Should -Throw '*Goal*'
        (Get-BloomyEmulatorGraphQLRequest $emulator).Requests | Should -BeNullOrEmpty
    }
}

Describe 'Complete lists' {
    It 'lists every measurable of a meeting with notes when a page holds 3' {
        1..3 | ForEach-Object { New-BloomyMeasurable -MeetingId 2002 -Title "Paged $_" -Goal $_ -Notes "note $_" } | Out-Null
        Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 3 } | Out-Null

        $rest = Get-BloomyMeasurable -MeetingId 2002
        $graph = Get-BloomyMeasurable -MeetingId 2002 -IncludeNotes

        $rest.Count | Should -BeGreaterThan 3
        $graph.Id | Should -Be $rest.Id
        ($graph | Where-Object Title -eq 'Paged 2').Notes | Should -Be 'note 2'
    }

    It 'lists what every user owns of one frequency, users piped from Get-BloomyUser, when a page holds 3' {
        1..4 | ForEach-Object { New-BloomyMeasurable -MeetingId 2001 -Title "Monthly $_" -Goal $_ -Frequency Monthly -OwnerId 1003 } | Out-Null
        Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 3 } | Out-Null

        $monthly = Get-BloomyUser -All | Get-BloomyMeasurable -Frequency Monthly

        ($monthly | Where-Object OwnerId -eq 1003).Count | Should -BeGreaterOrEqual 4
        $monthly.Frequency | Select-Object -Unique | Should -Be 'Monthly'
        ($monthly | Where-Object Title -eq 'Monthly 4').OwnerId | Should -Be 1003
    }
}
