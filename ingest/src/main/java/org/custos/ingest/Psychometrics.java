package org.custos.ingest;

/**
 * Psychometrics are one person's Big Five personality scores from {@code psychometric.csv}, as whole numbers (CERT
 * uses roughly 10 to 50).
 *
 * @param o openness
 * @param c conscientiousness
 * @param e extraversion
 * @param a agreeableness
 * @param n neuroticism
 */
public record Psychometrics(int o, int c, int e, int a, int n) {
}
