<?php
// For tests/test_exports_php.py (optional, needs MOODLE_DIR): run Moodle's own question importers on a
// quizgen export, without a database. Loads from the Moodle checkout: lib/xmlize.php, question/format.php,
// question/format/{xml,gift}/format.php and question/type/{questionbase.php,shortanswer/question.php};
// stubs only the framework calls those make while reading (get_string, get_config, clean_param, tags...).
// Cloze questions are counted but not rebuilt (qtype_multianswer needs the whole question engine); the
// Python model checks their answers. Not Moodle code; no Moodle code is copied here.
//
// Usage: php moodle_import.php MOODLE_DIR moodle-xml|gift FILE CHECKS.json
// CHECKS.json: {"<question name>": [typed answer, ...]}. Prints JSON: errors, essays, checked,
// graded_right, wrong (the first failures), types (count per imported qtype).
[$script, $moodle, $format, $file, $checksfile] = $argv;
define('MOODLE_INTERNAL', true);
define('FORMAT_MOODLE', 0); define('FORMAT_HTML', 1); define('FORMAT_PLAIN', 2);
define('FORMAT_WIKI', 3); define('FORMAT_MARKDOWN', 4);
define('PARAM_TEXT', 'text'); define('PARAM_RAW', 'raw'); define('PARAM_RAW_TRIMMED', 'raw_trimmed');
define('DEBUG_DEVELOPER', 32767);
global $CFG;
$CFG = new stdClass();
$CFG->dirroot = $moodle; $CFG->libdir = "$moodle/lib";

class moodle_exception extends Exception {
    public function __construct($errorcode, $module = '', $link = '', $a = null, $debuginfo = null) {
        parent::__construct($errorcode . ($a ? ': ' . json_encode($a) : ''));
    }
}
class question_bank {  // no question-type plugins: the formats' own parsing decides every type
    public static function get_all_qtypes() { return []; }
    public static function get_qtype($name, $mustexist = true) { return null; }
}
class core_tag_tag { public static function is_enabled($c, $i) { return true; } }
class core_text {
    public static function strlen($s) { return mb_strlen($s); }
    public static function substr($s, $a, $b = null) { return mb_substr($s, $a, $b); }
    public static function strtolower($s) { return mb_strtolower($s); }
}
class context_user { public static function instance($id) { return (object)['id' => 1]; } }
$ERRORS = [];
function get_string($id, $c = '', $a = null) { return $id . ($a === null ? '' : ' ' . json_encode($a)); }
function get_config($p, $n = null) { return 1; }
function clean_param($v, $t) { return $v; }
function shorten_text($t, $n = 30) { return mb_substr($t, 0, $n); }
function debugging($m = '', $l = 0) { global $ERRORS; $ERRORS[] = "debugging: $m"; }
function s($t) { return htmlspecialchars($t); }
function file_get_unused_draft_itemid() { return 1; }

require_once("$moodle/lib/xmlize.php");
require_once("$moodle/question/format.php");
require_once("$moodle/question/format/xml/format.php");
require_once("$moodle/question/format/gift/format.php");
require_once("$moodle/question/type/questionbase.php");
require_once("$moodle/question/type/shortanswer/question.php");

class quizgen_xml extends qformat_xml {
    public function import_multianswer($question) {
        return (object)['qtype' => 'multianswer', 'name' => $question['#']['name'][0]['#']['text'][0]['#'] ?? ''];
    }
    protected function error($message, $text = '', $questionname = '') {
        global $ERRORS; $ERRORS[] = "$questionname: $message";
    }
}
class quizgen_gift extends qformat_gift {
    protected function error($message, $text = '', $questionname = '') {
        global $ERRORS; $ERRORS[] = "$questionname: $message";
    }
}

$lines = file($file);
$reader = $format === 'gift' ? new quizgen_gift() : new quizgen_xml();
ob_start();
$questions = $reader->readquestions($lines);
$echoed = trim(strip_tags(ob_get_clean()));
if ($echoed !== '') { $ERRORS[] = "output: $echoed"; }

$checks = json_decode(file_get_contents($checksfile), true);
$report = ['errors' => $ERRORS, 'essays' => 0, 'checked' => 0, 'graded_right' => 0, 'wrong' => [], 'types' => []];
foreach ($questions ?: [] as $q) {
    $report['types'][$q->qtype] = ($report['types'][$q->qtype] ?? 0) + 1;
    if ($q->qtype === 'essay') { $report['essays']++; }
    if ($q->qtype !== 'shortanswer' || !isset($checks[$q->name])) { continue; }
    foreach ($checks[$q->name] as $typed) {
        $report['checked']++;
        $response = trim($typed);  // PARAM_RAW_TRIMMED, as the attempt stores the response
        $right = false;
        foreach ($q->answer as $i => $pattern) {
            if ($q->fraction[$i] >= 1 && qtype_shortanswer_question::compare_string_with_wildcard(
                    $response, $pattern, !$q->usecase)) { $right = true; break; }
        }
        if ($right) { $report['graded_right']++; } else if (count($report['wrong']) < 20) {
            $report['wrong'][] = [$q->name, $typed];
        }
    }
}
echo json_encode($report, JSON_UNESCAPED_UNICODE), "\n";
