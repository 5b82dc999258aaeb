module TopModule(input clk, input reset, input in_valid, input [7:0] in_data,
                 output in_ready, output out_valid, output [7:0] out_data, input out_ready);
  reg va, vb;
  reg [7:0] da, db;
  // a stage accepts only when it is empty: every full stage costs a bubble
  wire ready_b = !vb;
  wire ready_a = !va;

  always @(posedge clk) begin
    if (reset) begin
      va <= 1'b0;
      vb <= 1'b0;
      da <= 8'h00;
      db <= 8'h00;
    end else begin
      if (vb && out_ready) vb <= 1'b0;
      if (ready_b && va) begin            // B takes A's word only when B is empty
        vb <= 1'b1;
        db <= da + 8'd1;
        va <= 1'b0;
      end
      if (ready_a && in_valid) begin      // A takes a word only when A is empty
        va <= 1'b1;
        da <= in_data + 8'd1;
      end
    end
  end

  assign in_ready = ready_a;
  assign out_valid = vb;
  assign out_data = db;
endmodule
