#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Every default table view as a console shows it, at 80 columns and at 120: one header line whose words are the
# view's labels, whole (no "Do/ne", no "Throt/tleLi/mit"); no short value cut to "F…"; no line wider than the
# console; and the title columns use the room a wider console gives.

BeforeDiscovery {
    $script:views = @(
        @{ Type = 'User'; Source = { Get-BloomyUser -All } }
        @{ Type = 'Meeting'; Source = { Get-BloomyMeeting } }
        @{ Type = 'Todo'; Source = { Get-BloomyTodo } }
        @{ Type = 'Issue'; Source = { Get-BloomyIssue } }
        @{ Type = 'Goal'; Source = { Get-BloomyGoal } }
        @{ Type = 'Measurable'; Source = { Get-BloomyMeeting | Get-BloomyMeasurable } }
        @{ Type = 'ScorecardItem'; Source = { Get-BloomyScorecard } }
        @{ Type = 'ScorecardWeek'; Source = { Get-BloomyScorecardWeek } }
        @{ Type = 'Headline'; Source = { Get-BloomyHeadline } }
        @{ Type = 'UserPosition'; Source = { (Get-BloomyUser -IncludePositions).Positions } }
        @{ Type = 'CreatedMeeting'; Source = { New-BloomyMeeting -Name 'Quarterly planning offsite review' -Confirm:$false } }
        @{ Type = 'BloomyConnection'; Source = { Get-BloomyConnection } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 6
    Connect-BloomyEmulator $emulator
    $formats = [xml] (Get-Content -Raw (Join-Path $BloomyRepoRoot 'out/Bloomy/Bloomy.Format.ps1xml'))

    # The labels of a type's default (first) view, when that view is a table.
    function Get-TableLabel([string] $TypeName) {
        $view = @($formats.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -like "*.$TypeName" })[0]
        @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object Label)
    }

    function Show-Table($Objects, [int] $Width) {
        @(($Objects | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() })
    }
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'The <Type> table' -ForEach $views {
    BeforeAll {
        $script:objects = @(& $Source | Select-Object -First 5)
        $script:labels = Get-TableLabel $Type
    }

    It 'has objects to show and a table view' {
        $objects.Count | Should -BeGreaterThan 0
        $labels.Count | Should -BeGreaterThan 1
    }

    It 'reads well at <_> columns' -ForEach 80, 120 {
        $lines = Show-Table $objects $_
        $text = $lines -join "`n"
        # One header line holding every label whole, then one line of dashes.
        (-split $lines[0]) | Should -Be $labels -Because $text
        $lines[1] | Should -Match '^[\s-]+$' -Because $text
        (-split $lines[1]).Count | Should -Be $labels.Count -Because $text
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $_ -Because $text }
        # A value cut to its first few letters ("F…", "Tru…") says nothing. Cells are cut at the dashes' columns.
        $starts = @([regex]::Matches($lines[1], '-+') | ForEach-Object Index)
        foreach ($line in $lines | Select-Object -Skip 2) {
            for ($i = 0; $i -lt $starts.Count; $i++) {
                $end = if ($i + 1 -lt $starts.Count) { $starts[$i + 1] } else { $line.Length }
                $cell = if ($starts[$i] -lt $line.Length) { $line.Substring($starts[$i], [Math]::Min($end, $line.Length) - $starts[$i]).Trim() } else { '' }
                $cell | Should -Not -Match '^\S{0,4}…$' -Because "column $($labels[$i]) of: $text"
            }
        }
    }
}

Describe 'Wider consoles' {
    It 'give the room to titles: a long title cut at 80 columns shows whole at 120' {
        $goal = New-BloomyGoal -Title 'Roll out the new CRM to every regional sales team' -MeetingId (Get-BloomyMeeting)[0].Id
        try {
            $narrow = (Show-Table $goal 80) -join "`n"
            $wide = (Show-Table $goal 120) -join "`n"
            $narrow | Should -Not -Match 'every regional sales team'
            $wide | Should -Match 'Roll out the new CRM to every regional sales team'
        }
        finally {
            $goal | Remove-BloomyGoal -Confirm:$false
        }
    }
}
