// VNEvaluate: see README architecture.
