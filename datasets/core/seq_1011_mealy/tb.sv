module tb;
  reg clk = 1'b0;
  reg reset = 1'b1, in = 1'b0;
  wire det_ref, det_dut;
  reg [31:0] pattern;
  integer seed = 139, samples = 0, mismatches = 0, cycle = 0, i, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .in(in), .detect(det_ref));
  TopModule dut(.clk(clk), .reset(reset), .in(in), .detect(det_dut));

  always #5 clk = ~clk;

  // A bit matches when the reference is X/Z there, or both bits are equal.
  function automatic bit same1(input r, input x);
    same1 = (r === (r ^ x ^ r));
  endfunction

  // Inputs are set right after a falling edge; outputs are compared just before the
  // following rising edge, then we move on to the next falling edge.
  task automatic step;
    begin
      #4;
      samples = samples + 1;
      if (!same1(det_ref, det_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d: reset=%b in=%b detect ref=%b dut=%b",
                   cycle, reset, in, det_ref, det_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r_, input i_);
    begin
      reset = r_; in = i_;
      step;
    end
  endtask

  // feed the n lowest bits of p, most significant first
  task automatic feed(input [31:0] p, input integer n);
    integer b;
    begin
      for (b = n - 1; b >= 0; b = b - 1) drive(0, p[b]);
    end
  endtask

  // Seeded xorshift32 generator for the random phase. Verilator 5.006's $random(seed) does
  // not give a usable sequence, so the testbench draws its own numbers: the stimulus is the
  // same in both simulators.
  reg [31:0] rng;
  task automatic next_rand;
    begin
      rng = rng ^ (rng << 13);
      rng = rng ^ (rng >> 17);
      rng = rng ^ (rng << 5);
      rv = rng;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    rng = seed ^ 32'h9E3779B9;
    if (rng == 32'd0) rng = 32'd1;
    @(negedge clk);
    drive(1, 1);
    drive(1, 0);
    feed(32'b1011, 4);              // basic match
    feed(32'b000, 3);
    feed(32'b1011011, 7);           // overlapping matches
    feed(32'b00, 2);
    feed(32'b101011, 6);            // 1010 falls back to 10
    feed(32'b0, 1);
    feed(32'b1011011011, 10);
    feed(32'b10011011, 8);          // 100 restarts
    feed(32'b1110110, 7);
    feed(32'b101, 3);
    drive(1, 1);                    // reset in the middle of a match
    feed(32'b1011, 4);
    feed(32'b10, 2);
    drive(0, 1);
    drive(1, 1);                    // reset while "101" is stored and in = 1
    drive(0, 1);
    feed(32'b011, 3);
    drive(1, 0);                    // reset forgets everything: "1 1" right after it is no
    feed(32'b1101, 4);              // match (a wrong initial state would detect on the 2nd 1)
    drive(1, 1);
    feed(32'b011, 3);               // reset while in = 1: that 1 is forgotten too
    for (i = 0; i < 800; i = i + 1) begin
      next_rand;
      reset = (rv[6:0] == 7'd0);
      in    = (i % 200 < 100) ? rv[10] : (rv[12:10] != 3'd0 ? ~in : in);
      step;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
