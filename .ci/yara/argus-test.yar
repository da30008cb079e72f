/*
 * Argus's test rules: installed by .ci/services.sh into /var/lib/argus-ci/yara, the rules directory the
 * tests, scripts/run-local.sh and the end-to-end run give the probe (argus.probe.yara.rules-dir).
 * Harmless: they match the EICAR test string and two ASCII markers that only test files contain.
 */

rule Argus_Test_Eicar : test eicar
{
    meta:
        description = "The EICAR anti-virus test file"
        author = "Argus"
        reference = "https://www.eicar.org/download-anti-malware-testfile/"
        category = "malicious"

    strings:
        $eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"

    condition:
        $eicar
}

rule Argus_Test_Marker : test argus
{
    meta:
        description = "Argus's YARA test marker"
        author = "Argus"

    strings:
        $marker = "ARGUS-YARA-TEST-MARKER" ascii

    condition:
        $marker
}

rule Argus_Test_Suspicious_Marker : test argus
{
    meta:
        description = "Argus's YARA test marker for a suspicious, not malicious, match"
        author = "Argus"
        category = "suspicious"

    strings:
        $marker = "ARGUS-YARA-SUSPICIOUS-MARKER" ascii

    condition:
        $marker
}
