package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When java -jar's heap is brought back to its budget, and how far: plain numbers, no JVM flags touched. */
class HeapBudgetTest {

    private static final long MB = 1 << 20;
    private static final long REGION = 4 * MB;
    private static final long BUDGET = 256 * MB;

    @Test
    void aHeapWithinTheBudgetIsLeftAlone() {
        assertThat(HeapBudget.shrinkRatio(256 * MB, 40 * MB, REGION, BUDGET)).isEmpty();
        assertThat(HeapBudget.shrinkRatio(100 * MB, 90 * MB, REGION, BUDGET)).isEmpty();
    }

    @Test
    void aHeapGrownPastTheBudgetButMostlyEmptyShrinksToAboutThreeQuartersOfIt() {
        // 48 MB in use and two regions of slack, 192 MB wanted: 70% of the heap free.
        assertThat(HeapBudget.shrinkRatio(600 * MB, 48 * MB, REGION, BUDGET)).hasValue(70);
    }

    @Test
    void aCommandThatHoldsHalfTheBudgetOrMoreMayGrowAsTheJvmLikes() {
        assertThat(HeapBudget.shrinkRatio(2_000 * MB, 128 * MB, REGION, BUDGET)).isEmpty();
        assertThat(HeapBudget.shrinkRatio(2_000 * MB, 500 * MB, REGION, BUDGET)).isEmpty();
    }

    @Test
    void theRatioStaysBetweenAThirdAndAllButTheRegionsInUse() {
        assertThat(HeapBudget.shrinkRatio(600 * MB, 0, REGION, BUDGET)).hasValue(95);
        assertThat(HeapBudget.shrinkRatio(600 * MB, 127 * MB, REGION, BUDGET)).hasValue(33);
    }
}
