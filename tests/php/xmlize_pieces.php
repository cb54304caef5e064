<?php
// For tests/test_exports_php.py: how PHP's xml parser (libxml2) hands a Moodle XML file's texts over,
// with the parser options Moodle's xmlize() sets (lib/xmlize.php). Not Moodle code.
// Reads XML on stdin; prints JSON {"pieces": [[piece, ...] per leaf element, in document order],
// "struct0": [value per leaf], "struct1": [value per leaf]}: the character-data pieces, then each leaf's
// value from xml_parse_into_struct with XML_OPTION_SKIP_WHITE 0 (as qformat_xml calls xmlize) and 1
// (xmlize's default), PHP-trimmed as qformat_xml's getpath() trims.
$data = trim(stream_get_contents(STDIN));

function parser($skipwhite) {
    $p = xml_parser_create('UTF-8');
    xml_parser_set_option($p, XML_OPTION_CASE_FOLDING, 0);
    xml_parser_set_option($p, XML_OPTION_SKIP_WHITE, $skipwhite);
    return $p;
}

$pieces = [];
$stack = [];
$p = parser(0);
xml_set_element_handler($p,
    function ($p, $name, $attrs) use (&$stack) { $stack[] = ['children' => 0, 'pieces' => []]; },
    function ($p, $name) use (&$stack, &$pieces) {
        $el = array_pop($stack);
        if ($el['children'] == 0) { $pieces[] = $el['pieces']; }
        if ($stack) { $stack[count($stack) - 1]['children']++; }
    });
xml_set_character_data_handler($p, function ($p, $d) use (&$stack) { $stack[count($stack) - 1]['pieces'][] = $d; });
if (!xml_parse($p, $data, true)) {
    fwrite(STDERR, xml_error_string(xml_get_error_code($p)) . " at line " . xml_get_current_line_number($p) . "\n");
    exit(1);
}

$out = ['pieces' => $pieces];
foreach ([0, 1] as $skip) {
    $vals = [];
    xml_parse_into_struct(parser($skip), $data, $vals);
    $leaves = [];
    foreach ($vals as $v) {
        if ($v['type'] == 'complete') { $leaves[] = trim($v['value'] ?? ''); }
    }
    $out["struct$skip"] = $leaves;
}
echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
