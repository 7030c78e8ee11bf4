package com.klinecast.cli;

import com.klinecast.core.ledger.Ledger;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.scheduled.LedgerFollowUp;
import com.klinecast.core.store.LedgerTable;

/** The forecast ledger on the local stack: in the feature table, over the local registry, as in AWS. */
final class LocalLedger {

    private LocalLedger() {
    }

    static LedgerFollowUp followUp(LocalStack stack) {
        return LedgerFollowUp.create(stack.dynamoDb(), LocalStack.TABLE, stack.registry(), MetricsSink.NONE);
    }

    static Ledger ledger(LocalStack stack) {
        return new LedgerTable(stack.dynamoDb(), LocalStack.TABLE);
    }
}
