# MC_JALR_LSB.S: minimal program exposing bug MC_JALR_LSB (docs/BUG_CATALOGUE.md): JALR must clear bit 0 of the target (an odd offset is legal).
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li a0, 1
  la t0, target
  jalr ra, 1(t0)
  j done
target:
  li a0, 0
done:
  li a7, 93
  ecall
