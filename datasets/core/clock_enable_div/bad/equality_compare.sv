module TopModule(input clk, input reset, input [3:0] n, output logic tick);
  logic [3:0] cnt;
  always @(posedge clk) begin
    if (reset) begin
      cnt <= 4'd0; tick <= 1'b0;
    end else if (n <= 4'd1 || cnt == n - 4'd1) begin
      cnt <= 4'd0; tick <= 1'b1;
    end else begin
      cnt <= cnt + 4'd1; tick <= 1'b0;
    end
  end
endmodule
