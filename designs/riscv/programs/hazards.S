# hazards.S: data-hazard sequences for a pipelined core: back-to-back dependencies (EX/MEM
# forwarding), distance 2 and 3 (WB forwarding, register-file write-through), two writers of
# one register followed by a reader (the younger must win), load-use on rs1 and rs2, load
# feeding a store, a branch and a jalr, CSR results used at once, x0 as destination, and
# link registers used immediately.
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). An unexpected trap exits with a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li s0, 0x4000
  li gp, 1
  addi t0, zero, 1
  addi t0, t0, 1
  addi t0, t0, 1
  li t1, 3
  bne t0, t1, fail
  li gp, 2
  li t1, 5
  nop
  add t2, t1, t1
  li t0, 10
  bne t2, t0, fail
  li gp, 3
  li t1, 7
  nop
  nop
  add t2, t1, t1
  li t0, 14
  bne t2, t0, fail
  li gp, 4
  li t1, 9
  nop
  nop
  nop
  add t2, t1, t1
  li t0, 18
  bne t2, t0, fail
  li gp, 5
  li t0, 1
  li t0, 2
  add t1, t0, zero
  li t2, 2
  bne t1, t2, fail
  li t0, 3
  li t0, 4
  add t1, zero, t0
  li t2, 4
  bne t1, t2, fail
  li gp, 6
  li t0, 11
  li t0, 12
  nop
  add t1, t0, t0
  li t2, 24
  bne t1, t2, fail
  li gp, 7
  li t0, 42
  sw t0, 0(s0)
  lw t1, 0(s0)
  addi t2, t1, 1
  li t0, 43
  bne t2, t0, fail
  lw t1, 0(s0)
  add t2, zero, t1
  li t0, 42
  bne t2, t0, fail
  li gp, 8
  lw t1, 0(s0)
  sw t1, 4(s0)
  lw t2, 4(s0)
  li t0, 42
  bne t2, t0, fail
  li gp, 9
  li t0, 42
  lw t1, 0(s0)
  beq t1, t0, ok9
  j fail
ok9:
  lw t1, 0(s0)
  bne t0, t1, fail
  lw t1, 0(s0)
  blt t1, t0, fail
  li gp, 10
  la t0, ok10
  sw t0, 8(s0)
  lw t1, 8(s0)
  jalr ra, 0(t1)
  j fail
ok10:
  li gp, 11
  lw t1, 0(s0)
  nop
  add t2, t1, t1
  li t0, 84
  bne t2, t0, fail
  lw t1, 0(s0)
  nop
  nop
  add t2, t1, zero
  li t0, 42
  bne t2, t0, fail
  li gp, 12
  li t0, 123
  csrw mscratch, t0
  csrr t1, mscratch
  addi t2, t1, 1
  li t0, 124
  bne t2, t0, fail
  csrrw t1, mscratch, t2
  li t0, 123
  bne t1, t0, fail
  li gp, 13
  li t1, 99
  addi zero, t1, 5
  add t0, zero, zero
  bnez t0, fail
  add t0, zero, t1
  li t2, 99
  bne t0, t2, fail
  lw zero, 0(s0)
  addi t0, zero, 0
  bnez t0, fail
  li gp, 14
  li t0, 77
  sw t0, 12(s0)
  lw t1, 12(s0)
  li t2, 77
  bne t1, t2, fail
  li gp, 15
  li t0, 1
  addi t0, t0, 1
  addi t0, t0, 1
  addi t0, t0, 1
  li t1, 4
  bne t0, t1, fail
  li gp, 16
  jal ra, f16
after16:
  la t1, after16
  bne t0, t1, fail
  li gp, 17
  lui t0, 0x12345
  addi t0, t0, 0x678
  auipc t1, 0
  sub t2, t1, t0
  li gp, 18
  li t0, 6
  li t1, 7
  mul t2, t0, t1
  addi t2, t2, 1
  li t0, 43
  bne t2, t0, fail
  li t0, 100
  li t1, 7
  div t2, t0, t1
  rem t3, t0, t1
  add t4, t2, t3
  li t0, 16
  bne t4, t0, fail
  li gp, 19
  li t0, 0x10
  sw t0, 16(s0)
  lw t1, 16(s0)
  lw t2, 0(t1)
  li t0, 0x87654321
  li t1, 0x4000
  sw t0, 0x10(t1)
  lw t1, 16(s0)
  lw t2, 16(s0)
  bne t1, t2, fail
  li gp, 20
  li t0, 3
  csrw mscratch, t0
  csrrs t1, mscratch, t0
  csrrs t1, mscratch, t1
  csrr t2, mscratch
  li t0, 3
  bne t2, t0, fail
  li gp, 21
  li t0, 5
  sw t0, 20(s0)
  lw t0, 20(s0)
  lw t0, 0(s0)
  addi t1, t0, 0
  li t2, 42
  bne t1, t2, fail
  li gp, 22
  li t0, 8
  li t1, 9
  sw t0, 24(s0)
  sw t1, 28(s0)
  lw t2, 24(s0)
  lw t3, 28(s0)
  add t4, t2, t3
  li t0, 17
  bne t4, t0, fail
  j pass

f16:
  mv t0, ra
  ret

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
