#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Goals (rocks) as a person would work with them: everyone's goals, one person's archive, a status change for a
# whole list, goals from a spreadsheet, archiving, removing, -WhatIf, and mistakes caught before anything is sent.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 20 -LatencyMs 20
    Connect-BloomyEmulator $emulator
    $script:meetings = Get-BloomyMeeting
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'Reading goals' {
    It 'lists every user''s active goals grouped by user in user order, four users at a time' {
        $users = Get-BloomyUser -All
        Reset-BloomyEmulatorStats $emulator

        $goals = $users | Get-BloomyGoal -ThrottleLimit 4

        $goals | Should -HaveCount (2 * $users.Count)
        $goals[0] | Should -BeOfType 'Bloomy.Client.Models.Goal'
        $goals.Archived | Should -Not -Contain $true
        $owners = $goals.OwnerId | Select-Object -Unique
        $owners | Should -Be $users.Id
        (Get-BloomyEmulatorStats $emulator).PeakInFlight | Should -Be 4
    }

    It 'puts the archived goal after the active ones with -IncludeArchived' {
        $goals = Get-BloomyGoal -UserId 1002 -IncludeArchived

        $goals | Should -HaveCount 3
        $goals.Archived | Should -Be @($false, $false, $true)
        $goals.OwnerId | Select-Object -Unique | Should -Be 1002
    }

    It 'writes one error record naming a missing goal and returns the others' {
        $ids = (Get-BloomyGoal -UserId 1009).Id

        $found = $ids[0], 999999, $ids[1] | Get-BloomyGoal -ErrorVariable failures -ErrorAction SilentlyContinue

        $found.Id | Should -Be $ids
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.NotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 999999
        "$($failures[0])" | Should -BeLike '*goal 999999*'
    }
}

Describe 'Changing goals' {
    It 'marks a user''s goals complete, two at a time, and returns them with -PassThru' {
        $mine = Get-BloomyGoal -UserId 1003

        $done = $mine | Set-BloomyGoal -Status Complete -PassThru -ThrottleLimit 2

        $done.Id | Should -Be $mine.Id
        $done | ForEach-Object { $_.Status | Should -Be 'Complete' }
    }

    It 'sends status <Status> as <Stored>' -TestCases @(
        @{ Status = 'OffTrack'; Stored = 'AtRisk' }
        @{ Status = 'atrisk'; Stored = 'AtRisk' }
        @{ Status = 'on'; Stored = 'OnTrack' }
        @{ Status = 'OFF'; Stored = 'AtRisk' }
        @{ Status = 'complete'; Stored = 'Complete' }
    ) {
        param($Status, $Stored)
        $goal = Get-BloomyGoal -UserId 1004 | Select-Object -First 1
        Reset-BloomyEmulatorStats $emulator

        Set-BloomyGoal -Id $goal.Id -Status $Status

        $put = Get-BloomyEmulatorRequest $emulator | Where-Object Method -EQ 'PUT'
        $put | Should -HaveCount 1
        $put.Body | Should -BeExactly "{`"completion`":`"$Stored`"}"
    }

    It 'reports the status in the words -Status takes, the same in every list (issue 9 §3.6)' {
        $goal = Get-BloomyGoal -UserId 1008 | Select-Object -First 1

        Set-BloomyGoal -Id $goal.Id -Status AtRisk
        (Get-BloomyGoal -UserId 1008 | Where-Object Status -eq AtRisk).Id | Should -Contain $goal.Id
        (Get-BloomyGoal -Id $goal.Id).Status | Should -BeExactly 'AtRisk'
        Set-BloomyGoal -Id $goal.Id -Status OffTrack -PassThru | ForEach-Object Status | Should -BeExactly 'AtRisk'

        $new = New-BloomyGoal -Title 'Fresh goal' -MeetingId $meetings[0].Id
        $new.Status | Should -BeExactly 'OnTrack'

        Set-BloomyGoal -Id $goal.Id -Status Complete
        Set-BloomyGoal -Id $goal.Id -Archived
        $archived = Get-BloomyGoal -UserId 1008 -IncludeArchived | Where-Object Id -eq $goal.Id
        $archived.Status | Should -BeExactly 'Complete'
        (Get-BloomyGoal -Id $goal.Id).Status | Should -BeExactly 'Complete'
        Get-BloomyGoal -UserId 1008 -IncludeArchived | ForEach-Object Status | Should -BeIn @('OnTrack', 'AtRisk', 'Complete')
    }

    It 'changes the title and the owner together' {
        $goal = Get-BloomyGoal -UserId 1006 | Select-Object -First 1

        $changed = Set-BloomyGoal -Id $goal.Id -Title 'Hire 3 AEs' -OwnerId 1007 -PassThru

        $changed.Title | Should -BeExactly 'Hire 3 AEs'
        $changed.OwnerId | Should -Be 1007
        (Get-BloomyGoal -Id $goal.Id).Title | Should -BeExactly 'Hire 3 AEs'
    }

    It 'archives goals with -Archived and brings one back with Restore-BloomyGoal' {
        $goals = Get-BloomyGoal -UserId 1005

        $archived = $goals | Set-BloomyGoal -Archived -PassThru
        $archived.Archived | Should -Be @($true, $true)
        Get-BloomyGoal -UserId 1005 | Should -BeNullOrEmpty

        $restored = Restore-BloomyGoal -Id $goals[0].Id -PassThru
        $restored.Archived | Should -BeFalse
        (Get-BloomyGoal -UserId 1005).Id | Should -Be $goals[0].Id
    }
}

Describe 'Creating and removing goals' {
    BeforeAll {
        $script:csv = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-goals-$([guid]::NewGuid()).csv"
    }

    AfterAll {
        Remove-Item $csv -ErrorAction SilentlyContinue
    }

    It 'creates one goal per row of a CSV file' {
        @(
            [pscustomobject]@{ Title = 'Launch v2 pricing'; MeetingId = $meetings[0].Id; OwnerId = 1001 }
            [pscustomobject]@{ Title = 'Hire 3 AEs'; MeetingId = $meetings[1].Id; OwnerId = 1002 }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $goals = Import-Csv -Path $csv | New-BloomyGoal

        $goals.Title | Should -Be @('Launch v2 pricing', 'Hire 3 AEs')
        $goals.MeetingId | Should -Be @($meetings[0].Id, $meetings[1].Id)
        $goals.OwnerId | Should -Be @(1001, 1002)
    }

    It 'makes goals without a meeting and attaches them to one with Add-BloomyMeetingGoal (preview)' {
        $made = 'Write the handbook', 'Plan the offsite' | ForEach-Object { New-BloomyGoal -Title $_ }
        $made.MeetingId | Should -Be @($null, $null)

        $attached = $made | Add-BloomyMeetingGoal -MeetingId $meetings[1].Id -PassThru

        $attached.Id | Should -Be $made.Id
        $attached.MeetingId | Should -Be @($meetings[1].Id, $meetings[1].Id)
        (Get-BloomyGoal -Id $made[0].Id).MeetingId | Should -Be $meetings[1].Id
    }

    It 'removes piped goals after -Confirm:$false and then cannot find them' {
        $goals = Get-BloomyGoal -UserId 1008 -IncludeArchived

        $goals | Remove-BloomyGoal -Confirm:$false

        Get-BloomyGoal -UserId 1008 -IncludeArchived | Should -BeNullOrEmpty
        { Get-BloomyGoal -Id $goals[0].Id -ErrorAction Stop } | Should -Throw -ErrorId 'Bloomy.NotFound,*'
    }

    It 'sends nothing with -WhatIf' {
        $goal = Get-BloomyGoal -UserId 1010 | Select-Object -First 1
        Reset-BloomyEmulatorStats $emulator

        New-BloomyGoal -Title 'Nope' -MeetingId $meetings[0].Id -WhatIf
        Set-BloomyGoal -Id $goal.Id -Status Complete -WhatIf
        Restore-BloomyGoal -Id $goal.Id -WhatIf
        Remove-BloomyGoal -Id $goal.Id -WhatIf

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}

Describe 'Mistakes caught before anything is sent' {
    It 'refuses <Command>' -TestCases @(
        @{ Command = 'Set-BloomyGoal -Id 6001'; Message = '*At least one change*' }
        @{ Command = 'Set-BloomyGoal -Id 6001 -Status Sideways'; Message = '*Sideways*' }
        @{ Command = "Set-BloomyGoal -Id 6001 -Title ''"; Message = '*Title*' }
        @{ Command = "New-BloomyGoal -Title '' -MeetingId 2001"; Message = '*Title*' }
        @{ Command = "New-BloomyGoal -Title 'x' -MeetingId 0"; Message = '*MeetingId*' }
        @{ Command = 'Get-BloomyGoal -UserId 1002 -Id 6001'; Message = '*parameter set*' }
    ) {
        param($Command, $Message)
        Reset-BloomyEmulatorStats $emulator

        { & ([scriptblock]::Create("$Command -ErrorAction Stop")) } | Should -Throw $Message

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }

    It 'does not take a user object as a goal' {
        $user = Get-BloomyUser
        Reset-BloomyEmulatorStats $emulator

        { $user | Remove-BloomyGoal -Confirm:$false -ErrorAction Stop } | Should -Throw

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}
