#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# How cmdlets take input in a real shell: ids are whole numbers, dates mean the same in every culture, and what
# Bloomy exports to CSV pipes back into the matching change cmdlet (issue 10 points 7, 8, 17; issue 9 §3.5).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 10 -LatencyMs 20
    Connect-BloomyEmulator $emulator
    $script:meeting = Get-BloomyMeeting | Select-Object -First 1
    $script:csv = Join-Path ([IO.Path]::GetTempPath()) "bloomy-input-$PID.csv"
    $script:culture = [System.Globalization.CultureInfo]::CurrentCulture
}

AfterAll {
    Remove-Item $csv -ErrorAction SilentlyContinue
    [System.Globalization.CultureInfo]::CurrentCulture = $culture
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'Ids are whole numbers' {
    It 'refuses <Value> for -Id before any request, naming the parameter and the value' -TestCases @(
        @{ Value = 50001.5 }, @{ Value = '900002.5' }, @{ Value = '0xC351' }, @{ Value = '1.002e3' }
    ) {
        param($Value)
        Reset-BloomyEmulatorStats $emulator
        $err = $null
        try { Complete-BloomyTodo -Id $Value -ErrorAction Stop } catch { $err = $_ }
        "$err" | Should -Match "parameter 'Id'"
        "$err" | Should -Match ([regex]::Escape("$Value"))
        Get-BloomyEmulatorRequest $emulator | Should -BeNullOrEmpty
    }

    It 'refuses a CSV cell that is not a whole number' {
        Reset-BloomyEmulatorStats $emulator
        $errors = @()
        [pscustomobject]@{ Title = 'x'; MeetingId = '2001.5' } | New-BloomyTodo -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors | Should -HaveCount 1
        "$($errors[0])" | Should -Match '2001\.5'
        Get-BloomyEmulatorRequest $emulator | Should -BeNullOrEmpty
    }

    It 'takes an id with surrounding whitespace and a whole double' {
        $todo = New-BloomyTodo -Title 'ws' -MeetingId " $($meeting.Id) "
        (Get-BloomyTodo -Id "  $($todo.Id)  ").Id | Should -Be $todo.Id
        (Get-BloomyTodo -Id ([double] $todo.Id)).Id | Should -Be $todo.Id
    }
}

Describe 'Dates mean the same in every culture' {
    AfterEach { [System.Globalization.CultureInfo]::CurrentCulture = $culture }

    It 'reads 2026-12-01 as 1 December 2026 under <Name>, as a parameter and in a CSV cell' -TestCases @(
        @{ Name = 'th-TH' }, @{ Name = 'ar-SA' }, @{ Name = 'fa-IR' }, @{ Name = 'ja-JP' }, @{ Name = 'de-DE' }, @{ Name = 'en-US' }
    ) {
        param($Name)
        [System.Globalization.CultureInfo]::CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo($Name)

        $byParameter = New-BloomyTodo -Title "param $Name" -DueDate '2026-12-01' -ErrorAction Stop
        'Title,DueDate', "row $Name,2026-12-02" | Set-Content $csv
        $byRow = Import-Csv $csv | New-BloomyTodo -ErrorAction Stop
        $moved = $byParameter | Set-BloomyTodo -DueDate '2026-12-03T10:00:00' -PassThru -ErrorAction Stop

        [System.Globalization.CultureInfo]::CurrentCulture = $culture
        $byParameter.DueDate.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) | Should -Be '2026-12-01'
        $byRow.DueDate.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) | Should -Be '2026-12-02'
        $moved.DueDate.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) | Should -Be '2026-12-03'
    }
}

Describe 'CSV files exported in other cultures read back' {
    AfterEach { [System.Globalization.CultureInfo]::CurrentCulture = $culture }

    It 'completes to-dos exported and imported under <Name>' -TestCases @(
        @{ Name = 'th-TH' }, @{ Name = 'ar-SA' }, @{ Name = 'fa-IR' }, @{ Name = 'de-DE' }
    ) {
        param($Name)
        $todo = New-BloomyTodo -Title "culture $Name" -DueDate '2026-12-01'
        [System.Globalization.CultureInfo]::CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo($Name)

        Get-BloomyTodo -Id $todo.Id | Export-Csv $csv
        $done = Import-Csv $csv | Complete-BloomyTodo -PassThru -ErrorAction Stop

        [System.Globalization.CultureInfo]::CurrentCulture = $culture
        $done.Id | Should -Be $todo.Id
        $done.Complete | Should -BeTrue
    }
}

Describe 'A downstream stop (issue 10 point 14)' {
    It 'leaves no created to-do unreported: returned, or named in a warning' {
        $titles = 1..60 | ForEach-Object { "stop test $_ $PID" }
        $warnings = @()

        $first = $titles | ForEach-Object { [pscustomobject]@{ Title = $_ } } |
            New-BloomyTodo -ThrottleLimit 64 -WarningVariable warnings -WarningAction SilentlyContinue | Select-Object -First 3

        $first | Should -HaveCount 3
        $created = Get-BloomyTodo | Where-Object Title -in $titles
        $created.Count | Should -BeGreaterThan 3 -Because 'the pipeline ran ahead of the stop'
        # Each created to-do is returned or named in a warning; the one whose output met the stop is named either way
        # ("as it returned"), since Select-Object -First takes it and then stops.
        $reported = @($first.Id) + @($warnings | ForEach-Object { if ("$_" -match 'done: Todo (\d+) ') { [long] $Matches[1] } })
        foreach ($todo in $created) { $reported | Should -Contain $todo.Id }
        @($warnings | Where-Object { "$_" -match 'as it returned' }) | Should -HaveCount 1
    }

    It 'stops a read at once, with no warning' {
        $warnings = @()
        $one = 1..30 | ForEach-Object { $meeting.Id } | Get-BloomyMeeting -ThrottleLimit 16 -WarningVariable warnings | Select-Object -First 1
        $one | Should -HaveCount 1
        $warnings | Should -BeNullOrEmpty
    }
}

Describe 'CSV round trips: what Bloomy exports pipes back in' {
    It 'completes exported to-dos (blank date cells are "not given")' {
        New-BloomyTodo -Title 'round trip' -MeetingId $meeting.Id | Out-Null
        $todos = Get-BloomyTodo
        $todos | Export-Csv $csv

        $done = Import-Csv $csv | Complete-BloomyTodo -PassThru -ErrorAction Stop

        $done.Id | Should -Be $todos.Id
        $done.Complete | Should -Not -Contain $false
    }

    It 'changes exported goals' {
        $goals = Get-BloomyGoal
        $goals | Export-Csv $csv
        $changed = Import-Csv $csv | Set-BloomyGoal -Status AtRisk -PassThru -ErrorAction Stop
        $changed.Id | Should -Be $goals.Id
        $changed.Status | Should -Not -Contain 'OnTrack'
    }

    It 'closes exported issues' {
        New-BloomyIssue -Title 'round trip' -MeetingId $meeting.Id | Out-Null
        $issues = Get-BloomyIssue -MeetingId $meeting.Id
        $issues | Export-Csv $csv
        $closed = Import-Csv $csv | Close-BloomyIssue -PassThru -ErrorAction Stop
        $closed.Id | Should -Be $issues.Id
    }

    It 'renames and removes exported headlines' {
        New-BloomyHeadline -Title 'round trip' -MeetingId $meeting.Id | Out-Null
        $headlines = Get-BloomyHeadline -MeetingId $meeting.Id
        $headlines | Export-Csv $csv
        (Import-Csv $csv | Set-BloomyHeadline -Title 'renamed' -PassThru -ErrorAction Stop).Id | Should -Be $headlines.Id
        Import-Csv $csv | Remove-BloomyHeadline -Confirm:$false -ErrorAction Stop
        Get-BloomyHeadline -MeetingId $meeting.Id | Should -BeNullOrEmpty
    }

    It 'removes exported meetings' {
        $new = New-BloomyMeeting -Title 'round trip meeting'
        Get-BloomyMeeting -Id $new.Id | Export-Csv $csv
        Import-Csv $csv | Remove-BloomyMeeting -Confirm:$false -ErrorAction Stop
        (Get-BloomyMeeting).Id | Should -Not -Contain $new.Id
    }

    It 'sets exported scores (a blank value clears)' {
        $scores = Get-BloomyScorecard -IncludeEmpty
        $scores | Export-Csv $csv
        Import-Csv $csv | Set-BloomyScore -ErrorAction Stop
        $after = Get-BloomyScorecard -IncludeEmpty
        ($after | ForEach-Object { "$($_.MeasurableId)/$($_.WeekNumber)=$($_.Value)" }) |
            Should -Be ($scores | ForEach-Object { "$($_.MeasurableId)/$($_.WeekNumber)=$($_.Value)" })
    }

    It 'reports an unusable cell for its row, naming column and value, in input order' {
        $rows = 1..30 | ForEach-Object { [pscustomobject]@{ Title = "row $_"; MeetingId = $meeting.Id; DueDate = if ($_ -eq 25) { 'tomorrowish' } else { '2026-12-01' } } }
        $rows | Export-Csv $csv

        $stream = Import-Csv $csv | New-BloomyTodo -ThrottleLimit 8 -ErrorAction Continue 2>&1

        $stream | Should -HaveCount 30
        $stream[24] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        "$($stream[24])" | Should -Match 'DueDate'
        "$($stream[24])" | Should -Match 'tomorrowish'
        ($stream | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }).Title | Should -Be ($rows.Title | Where-Object { $_ -ne 'row 25' })
    }
}
