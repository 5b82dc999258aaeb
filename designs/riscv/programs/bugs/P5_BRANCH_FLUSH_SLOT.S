# P5_BRANCH_FLUSH_SLOT.S: minimal program exposing bug P5_BRANCH_FLUSH_SLOT (docs/BUG_CATALOGUE.md): neither instruction fetched behind a taken branch may execute.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li a0, 0
  beq zero, zero, done
  addi a0, a0, 1
  addi a0, a0, 2
done:
  li a7, 93
  ecall
