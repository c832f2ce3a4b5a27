package dev.trailhound.app.evaluate;

import java.util.List;

/** What the evaluation of one data set found. */
public sealed interface DatasetReport permits StratusReport, InvictusReport, PantherReport, ScenariosReport, OtrfReport,
        SimulatedReport {
    /** The headline numbers. */
    List<Figure> figures();
}
