# P5_CSR_FWD.S: minimal program exposing bug P5_CSR_FWD (docs/BUG_CATALOGUE.md): the old CSR value read by csrr must reach the next instruction.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, 5
  csrw mscratch, t0
  csrr t1, mscratch
  addi a0, t1, -5
  li a7, 93
  ecall
