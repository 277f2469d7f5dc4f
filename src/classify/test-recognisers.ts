// Every runner shape Sift reads test ids from, fresh (their state is per scan), in the order a
// line is offered to them.
import type { Recogniser } from "./test-events.js";
import { jestLines, mochaLines, playwrightLines, vitestLines } from "./test-lines-js.js";
import { gradleLines, mavenLines } from "./test-lines-jvm.js";
import { cargoLines, ctestLines, dotnetLines, goLines, gtestLines, nextestLines, tapLines } from "./test-lines-native.js";
import { pytestLines, unittestLines } from "./test-lines-python.js";
import { minitestLines, phpunitLines, rspecLines } from "./test-lines-ruby-php.js";

export function testRecognisers(): Recogniser[] {
  return [
    pytestLines(),
    unittestLines(),
    jestLines(),
    vitestLines(),
    mochaLines(),
    playwrightLines(),
    goLines(),
    cargoLines(),
    nextestLines(),
    mavenLines(),
    gradleLines(),
    rspecLines(),
    minitestLines(),
    phpunitLines(),
    ctestLines(),
    dotnetLines(),
    tapLines(),
    gtestLines(),
  ];
}
