/**
 * Training for {@code target: volatility}: naive, the 30-day mean and HAR (its scale chosen on validation) fitted
 * on the training split, the LSTM and the MLP trained on the same variances ({@code VolatilityNetworks}), all
 * backtested on the test split by QLIKE and MSE beside naive, published under the volatility target's own keys and
 * promoted by the evidence rule on QLIKE; and the same comparison as a results table ({@code VolatilityResults}).
 */
package com.klinecast.training.volatility;
