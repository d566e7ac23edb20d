#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The scorecard as a person would read and fill it in: meetings piped in, a past week with its empty cells,
# measurables and their scores, scores entered from a CSV file, -WhatIf, and mistakes caught before anything is sent.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 20
    Connect-BloomyEmulator $emulator
    $script:week = (Get-BloomyScorecardWeek).WeekNumber
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'Reading the scorecard' {
    It 'returns the server''s current week' {
        $current = Get-BloomyScorecardWeek
        $current | Should -BeOfType 'Bloomy.Client.Models.ScorecardWeek'
        $current.WeekNumber | Should -BeGreaterThan 0
    }

    It 'gives the entered scores of each piped meeting, meeting by meeting' {
        $meetings = Get-BloomyMeeting
        $measurables = $meetings | Get-BloomyMeasurable

        $scores = $meetings | Get-BloomyScorecard

        $scores | Should -Not -BeNullOrEmpty
        $scores | ForEach-Object { $_.Value | Should -Not -BeNullOrEmpty }
        $scores.MeasurableId | ForEach-Object { $_ | Should -BeIn $measurables.Id }
    }

    It 'gives one score per measurable for a past week with -IncludeEmpty' {
        $meeting = Get-BloomyMeeting | Select-Object -First 1
        $measurables = Get-BloomyMeasurable -MeetingId $meeting.Id

        $scores = Get-BloomyScorecard -MeetingId $meeting.Id -WeekOffset -1 -IncludeEmpty

        $scores.MeasurableId | Should -Be $measurables.Id
        $scores.WeekNumber | Select-Object -Unique | Should -Be ($week - 1)
    }

    It 'pipes a meeting''s measurables into Get-BloomyScorecard for one week' {
        $measurables = Get-BloomyMeeting | Select-Object -First 1 | Get-BloomyMeasurable

        $scores = $measurables | Get-BloomyScorecard -WeekOffset -2

        $scores.MeasurableId | Should -Be $measurables.Id
        $scores.WeekNumber | Select-Object -Unique | Should -Be ($week - 2)
    }

    It 'writes one error record naming a missing meeting and returns the other measurables' {
        $meetings = (Get-BloomyMeeting).Id

        $measurables = $meetings[0], 999999, $meetings[1] |
            Get-BloomyMeasurable -ErrorVariable failures -ErrorAction SilentlyContinue

        $measurables | Should -HaveCount 6
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.NotFound,*'
        "$($failures[0])" | Should -BeLike '*meeting 999999*'
    }
}

Describe 'Entering scores' {
    BeforeAll {
        $script:csv = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-scores-$([guid]::NewGuid()).csv"
    }

    AfterAll {
        Remove-Item $csv -ErrorAction SilentlyContinue
    }

    It 'enters a score for last week and clears it again' {
        $measurable = Get-BloomyMeasurable -MeetingId 2004 | Select-Object -First 1

        Set-BloomyScore -MeasurableId $measurable.Id -Value 42.5 -WeekOffset -1
        $score = Get-BloomyScorecard -MeasurableId $measurable.Id -WeekOffset -1
        $score.Value | Should -Be 42.5

        Set-BloomyScore $measurable.Id $null -WeekOffset -1
        (Get-BloomyScorecard -MeasurableId $measurable.Id -WeekOffset -1).Value | Should -BeNullOrEmpty
    }

    It 'reads back a score of someone else''s measurable by -MeasurableId, and an empty cell as empty' {
        $theirs = Get-BloomyMeeting | Get-BloomyMeasurable | Where-Object OwnerId -ne 1001 | Select-Object -First 1
        $theirs | Should -Not -BeNullOrEmpty

        Set-BloomyScore -MeasurableId $theirs.Id -Value 3.25 -WeekOffset -2
        (Get-BloomyScorecard -MeasurableId $theirs.Id -WeekOffset -2).Value | Should -Be 3.25

        Set-BloomyScore -MeasurableId $theirs.Id -Value $null -WeekOffset -2
        $empty = Get-BloomyScorecard -MeasurableId $theirs.Id -WeekOffset -2 -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        $empty.MeasurableId | Should -Be $theirs.Id
        $empty.Value | Should -BeNullOrEmpty
    }

    It 'says a measurable does not exist rather than that it has no score' {
        $null = Get-BloomyScorecard -MeasurableId 999999 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -BeLike '*999999 does not exist*'
        "$($failures[0])" | Should -Not -BeLike '*no score*'
    }

    It 'enters one score per CSV row and reports the bad row by name' {
        $ids = (Get-BloomyMeasurable -MeetingId 2003).Id
        @(
            [pscustomobject]@{ MeasurableId = $ids[0]; Value = '10'; WeekOffset = '0' }
            [pscustomobject]@{ MeasurableId = 999999; Value = '1'; WeekOffset = '0' }
            [pscustomobject]@{ MeasurableId = $ids[1]; Value = '20'; WeekOffset = '-3' }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $output = Import-Csv -Path $csv | Set-BloomyScore -ErrorVariable failures -ErrorAction SilentlyContinue

        $output | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -BeLike '*measurable 999999*'
        (Get-BloomyScorecard -MeasurableId $ids[0] -WeekOffset 0).Value | Should -Be 10
        (Get-BloomyScorecard -MeasurableId $ids[1] -WeekOffset -3).Value | Should -Be 20
    }

    It 'sets piped scores for their own week' {
        $scores = Get-BloomyScorecard -MeetingId 2002 -WeekOffset -4 -IncludeEmpty

        $scores | Set-BloomyScore -Value 7

        $after = Get-BloomyScorecard -MeetingId 2002 -WeekOffset -4 -IncludeEmpty
        $after.MeasurableId | Should -Be $scores.MeasurableId
        $after | ForEach-Object { $_.Value | Should -Be 7 }
    }

    It 'sends nothing with -WhatIf' {
        $measurable = Get-BloomyMeasurable -MeetingId 2001 | Select-Object -First 1
        Reset-BloomyEmulatorStats $emulator

        Set-BloomyScore -MeasurableId $measurable.Id -Value 1 -WhatIf
        [pscustomobject]@{ MeasurableId = $measurable.Id; Value = 2 } | Set-BloomyScore -WhatIf

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}

Describe 'Mistakes caught before anything is sent' {
    It 'refuses <Command>' -TestCases @(
        @{ Command = 'Get-BloomyScorecard -UserId 1001 -MeetingId 2001'; Message = '*parameter set*' }
        @{ Command = 'Get-BloomyScorecard -MeetingId 2001 -MeasurableId 4001'; Message = '*parameter set*' }
        @{ Command = 'Set-BloomyScore -MeasurableId 0 -Value 1'; Message = '*MeasurableId*' }
        @{ Command = "Set-BloomyScore -MeasurableId 4001 -Value 'lots'"; Message = '*Value*' }
        @{ Command = 'Set-BloomyScore -MeasurableId 4001 -Value 1 -WeekOffset 0 -WeekNumber 1'; Message = '*not both*' }
    ) {
        param($Command, $Message)
        Reset-BloomyEmulatorStats $emulator

        { & ([scriptblock]::Create("$Command -ErrorAction Stop")) } | Should -Throw $Message

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}
